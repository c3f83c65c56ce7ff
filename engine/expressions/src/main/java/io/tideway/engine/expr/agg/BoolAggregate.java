package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * {@code bool_and(p)}/{@code every(p)} and {@code bool_or(p)}/{@code some(p)}/{@code any(p)}: whether
 * every (some) non-null {@code p} is true; null when none. Two words: the result so far, a seen flag.
 */
public final class BoolAggregate extends AggregateFunction {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final boolean and;

    public BoolAggregate(String name, Expression child) {
        super(child);
        this.name = name;
        this.and = name.equals("bool_and") || name.equals("every");
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new BoolAggregate(name, c.get(0));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DataType dataType() {
        InputTypes.requireBoolean(this, child, 0);
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<Expression> inputs() {
        return List.of(InputTypes.bool(child));
    }

    @Override
    public int bufferWords() {
        return 2;
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        b.putLong(at, and ? 1L : 0L);
        b.putLong(at + 8, 0L);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (!in.isNull) {
            fold(b, at, in.l != 0 ? 1L : 0L);
        }
    }

    private void fold(MutableDirectBuffer b, int at, long v) {
        b.putLong(at, and ? b.getLong(at) & v : b.getLong(at) | v);
        b.putLong(at + 8, 1L);
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        if (src.getLong(srcAt + 8) != 0) {
            fold(b, at, src.getLong(srcAt));
        }
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        if (b.getLong(at + 8) == 0) {
            out.setNull(field);
        } else {
            out.putLong(field, b.getLong(at));
        }
    }
}
