package io.tideway.engine.expr.agg;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code f(...) FILTER (WHERE condition)}: Spark's aggregate expression with a filter. The wrapped
 * aggregate keeps its own state, types and result and is fed only the rows where the condition is
 * true (null and false rows are skipped), so over no such row it answers what it answers over no
 * rows ({@code count} 0, {@code sum} null). The column is named
 * {@code count(1) FILTER (WHERE (x > 1))}.
 *
 * <p>The condition is the first of {@link #inputs()}, the wrapped aggregate's inputs follow; its
 * children are the wrapped aggregate's children and then the condition, so resolution and binding
 * rewrite both.
 */
public final class FilteredAggregate extends AggregateFunction {
    private static final long serialVersionUID = 1L;
    private final AggregateFunction inner;
    private final Expression condition;
    /** The evaluators last passed in and the wrapped aggregate's share of them, reused across rows. */
    private transient volatile Split split;

    private record Split(Evaluator[] all, Evaluator[] rest) {
    }

    public FilteredAggregate(AggregateFunction inner, Expression condition) {
        super(inner.input());
        this.inner = inner;
        this.condition = condition;
    }

    /**
     * {@code f FILTER (WHERE condition)} written in SQL: {@code f} must be an aggregate (Spark's
     * parser refuses the clause elsewhere); a condition holding an aggregate is Spark's
     * {@code INVALID_AGGREGATE_FILTER.CONTAINS_AGGREGATE}.
     */
    public static Expression of(Expression f, String writtenName, Expression condition) {
        if (!(f instanceof AggregateFunction a)) {
            throw Unchecked.raise(new AnalysisException("INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX", Map.of(
                    "prettyName", ErrorParams.id(writtenName), "syntax", "FILTER CLAUSE"), CurrentOrigin.get()));
        }
        Expression nested = find(condition);
        if (nested != null) {
            throw Unchecked.raise(new AnalysisException("INVALID_AGGREGATE_FILTER.CONTAINS_AGGREGATE", Map.of(
                    "filterExpr", ErrorParams.expr(condition.sql()), "aggExpr", ErrorParams.expr(nested.sql())), CurrentOrigin.get()));
        }
        if (!deterministic(condition)) {
            throw Unchecked.raise(new AnalysisException("INVALID_AGGREGATE_FILTER.NON_DETERMINISTIC", Map.of(
                    "filterExpr", ErrorParams.expr(condition.sql())), CurrentOrigin.get()));
        }
        return new FilteredAggregate(a, condition);
    }

    /** Spark's functions that may answer differently for the same row, as named in the registry. */
    private static final java.util.Set<String> NONDETERMINISTIC = java.util.Set.of("rand", "randn", "random",
            "uniform", "randstr", "uuid", "shuffle", "monotonically_increasing_id", "spark_partition_id",
            "input_file_name", "input_file_block_start", "input_file_block_length");

    private static boolean deterministic(Expression e) {
        if (e instanceof io.tideway.engine.expr.fn.ScalarFunction f && NONDETERMINISTIC.contains(f.name())
                || e instanceof io.tideway.engine.expr.udf.JavaUdfCall u && !u.deterministic()) {
            return false;
        }
        for (Expression c : e.children()) {
            if (!deterministic(c)) {
                return false;
            }
        }
        return true;
    }

    private static Expression find(Expression e) {
        if (e instanceof AggregateFunction) {
            return e;
        }
        for (Expression c : e.children()) {
            Expression f = find(c);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** The aggregate the filtered rows feed. */
    public AggregateFunction inner() {
        return inner;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        int n = c.size() - 1;
        return new FilteredAggregate((AggregateFunction) inner.withChildren(c.subList(0, n)), c.get(n));
    }

    @Override
    public List<Expression> children() {
        List<Expression> c = new ArrayList<>(inner.children());
        c.add(condition);
        return c;
    }

    @Override
    public List<Expression> inputs() {
        List<Expression> in = new ArrayList<>();
        in.add(condition);
        in.addAll(inner.inputs());
        return in;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String sql() {
        return inner.sql() + " FILTER (WHERE " + condition.sql() + ")";
    }

    @Override
    public DataType dataType() {
        if (condition.dataType() != DataTypes.BooleanType) {
            throw Unchecked.raise(new AnalysisException("INVALID_AGGREGATE_FILTER.NOT_BOOLEAN", Map.of(
                    "filterExpr", ErrorParams.expr(condition.sql())), sqlOrigin()));
        }
        return inner.dataType();
    }

    @Override
    public boolean nullable() {
        return inner.nullable();
    }

    @Override
    public boolean variableWidth() {
        return inner.variableWidth();
    }

    @Override
    public boolean prefers(DirectBuffer candidate, int at, int length, DirectBuffer held, int heldAt, int heldLength) {
        return inner.prefers(candidate, at, length, held, heldAt, heldLength);
    }

    @Override
    public int bufferWords() {
        return inner.bufferWords();
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        inner.initialize(b, at);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        throw new UnsupportedOperationException(sql() + " reads its condition and the aggregate's inputs");
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator[] in) {
        if (passes(in)) {
            inner.update(b, at, rest(in));
        }
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        return passes(in) ? inner.updateHeld(held, heldAt, heldLength, rest(in), out) : UNCHANGED;
    }

    private static boolean passes(Evaluator[] in) {
        return !in[0].isNull && in[0].l != 0;
    }

    /** The wrapped aggregate's evaluators: an aggregator passes the same array every row, so this allocates once. */
    private Evaluator[] rest(Evaluator[] in) {
        Split s = split;
        if (s == null || s.all != in) {
            Evaluator[] rest = new Evaluator[in.length - 1];
            System.arraycopy(in, 1, rest, 0, rest.length);
            s = new Split(in, rest);
            split = s;
        }
        return s.rest;
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        return inner.mergeHeld(held, heldAt, heldLength, other, otherAt, otherLength, out);
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        inner.writeHeld(held, heldAt, heldLength, out, field);
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        inner.merge(b, at, src, srcAt);
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        inner.writeResult(b, at, out, field);
    }
}
