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

/** {@code count_if(p)}: how many rows have {@code p} true; a bigint, never null. One word, the count. */
public final class CountIf extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    public CountIf(Expression child) {
        super(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new CountIf(c.get(0));
    }

    @Override
    public String name() {
        return "count_if";
    }

    @Override
    public DataType dataType() {
        InputTypes.requireBoolean(this, child, 0);
        return DataTypes.LongType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public List<Expression> inputs() {
        return List.of(InputTypes.bool(child));
    }

    @Override
    public int bufferWords() {
        return 1;
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        b.putLong(at, 0L);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (!in.isNull && in.l != 0) {
            b.putLong(at, b.getLong(at) + 1);
        }
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        b.putLong(at, b.getLong(at) + src.getLong(srcAt));
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        out.putLong(field, b.getLong(at));
    }
}
