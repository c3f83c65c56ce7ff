package io.tideway.engine.expr;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Map;

/**
 * {@code grouping(col)} and {@code grouping_id(cols...)}, as Spark's {@code Grouping} and
 * {@code GroupingID}: placeholders that a rollup, cube or grouping-sets aggregation replaces by
 * bits of its {@code spark_grouping_id} column ({@code GroupingSetsPlanner}), so they have no
 * evaluator of their own. {@code grouping} is a TINYINT, {@code grouping_id} a BIGINT (Spark 4's
 * default), neither nullable. Immutable.
 */
public final class GroupingFunction extends Expression {
    private static final long serialVersionUID = 1L;
    private final boolean id;
    private final List<Expression> children;

    private GroupingFunction(boolean id, List<Expression> children) {
        this.id = id;
        this.children = List.copyOf(children);
    }

    /** {@code grouping(col)}: 1 when {@code col} is not in the row's grouping set, else 0. */
    public static GroupingFunction grouping(Expression col) {
        return new GroupingFunction(false, List.of(col));
    }

    /** {@code grouping_id(cols...)}: the grouping bits of every grouping column; no columns means all of them. */
    public static GroupingFunction groupingId(List<Expression> cols) {
        return new GroupingFunction(true, cols);
    }

    /** Whether this is {@code grouping_id} rather than {@code grouping}. */
    public boolean isId() {
        return id;
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new GroupingFunction(id, c);
    }

    @Override
    public String sql() {
        StringBuilder s = new StringBuilder(id ? "grouping_id(" : "grouping(");
        for (int i = 0; i < children.size(); i++) {
            s.append(i > 0 ? ", " : "").append(children.get(i).sql());
        }
        return s.append(')').toString();
    }

    @Override
    public DataType dataType() {
        return id ? DataTypes.LongType : DataTypes.ByteType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    /** Spark's {@code UNSUPPORTED_GROUPING_EXPRESSION}; declared to return so callers can write {@code throw}. */
    public RuntimeException outsideGroupingSets() {
        throw Unchecked.raise(new AnalysisException("UNSUPPORTED_GROUPING_EXPRESSION", Map.of(), sqlOrigin()));
    }

    /**
     * Spark's {@code UNSUPPORTED_GROUPING_EXPRESSION} for the first grouping function in
     * {@code tree}, at its place in the SQL text if it has one; declared to return so callers
     * can write {@code throw}.
     */
    public static RuntimeException outsideGroupingSets(Expression tree) {
        if (tree instanceof GroupingFunction f) {
            throw f.outsideGroupingSets();
        }
        for (Expression c : tree.children()) {
            if (c.exists(e -> e instanceof GroupingFunction)) {
                throw outsideGroupingSets(c);
            }
        }
        throw Unchecked.raise(new AnalysisException("UNSUPPORTED_GROUPING_EXPRESSION", Map.of()));
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw outsideGroupingSets();
    }
}
