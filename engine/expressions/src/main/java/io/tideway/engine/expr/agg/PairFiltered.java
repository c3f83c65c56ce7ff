package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Average;
import io.tideway.engine.expr.Count;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * {@code regr_count(y, x)}, {@code regr_avgx(y, x)} and {@code regr_avgy(y, x)}: Spark's
 * replacements {@code count(y, x)} and {@code avg(if(y and x not null, x or y, null))}, run as the
 * inner {@link Count}/{@link Average} fed only the rows where both inputs are non-null. The inner
 * function keeps its state, types and results (a decimal average stays a decimal); the column is
 * named {@code regr_avgx(y, x)}.
 */
public final class PairFiltered extends NumericPairAggregate {
    private static final long serialVersionUID = 1L;
    /** The input the inner function reads: y for regr_avgy, else x. */
    private final int averaged;
    /** The replacement, built once the inputs are resolved (its types are theirs). */
    private transient AggregateFunction inner;

    public PairFiltered(String name, Expression y, Expression x) {
        super(name, y, x);
        this.averaged = name.equals("regr_avgy") ? 0 : 1;
    }

    private AggregateFunction inner() {
        if (inner == null) {
            inner = switch (name) {
                case "regr_count" -> new Count(second);
                case "regr_avgx" -> new Average(InputTypes.numeric(second));
                default -> new Average(InputTypes.numeric(child));
            };
        }
        return inner;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new PairFiltered(name, c.get(0), c.get(1));
    }

    @Override
    public DataType dataType() {
        requireNumber(child, 0);
        requireNumber(second, 1);
        return inner().dataType();
    }

    private void requireNumber(Expression arg, int index) {
        DataType t = arg.dataType();
        if (!t.isNumeric() && t != DataTypes.NullType && t != DataTypes.StringType) {
            throw InputTypes.mismatch(this, arg, index, "\"NUMERIC\"");
        }
    }

    @Override
    public boolean nullable() {
        return inner().nullable();
    }

    @Override
    public int bufferWords() {
        return inner().bufferWords();
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        inner().initialize(b, at);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator[] in) {
        if (!in[0].isNull && !in[1].isNull) {
            inner().update(b, at, in[averaged]);
        }
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        inner().merge(b, at, src, srcAt);
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        inner().writeResult(b, at, out, field);
    }
}
