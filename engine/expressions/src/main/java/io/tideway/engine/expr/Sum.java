package io.tideway.engine.expr;

import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/** {@code sum(x)}: bigint for integral input, double for double; null when no non-null input. */
public final class Sum extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    public Sum(Expression child) {
        super(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Sum(c.get(0));
    }

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public DataType dataType() {
        requireNumeric();
        return child.dataType() == DataTypes.DoubleType ? DataTypes.DoubleType : DataTypes.LongType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public int bufferWords() {
        return 2; // sum, non-null count
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        b.putLong(at, 0L);
        b.putLong(at + 8, 0L);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (in.isNull) {
            return;
        }
        if (child.dataType() == DataTypes.DoubleType) {
            b.putDouble(at, b.getDouble(at) + in.d);
        } else {
            b.putLong(at, b.getLong(at) + in.l);
        }
        b.putLong(at + 8, b.getLong(at + 8) + 1);
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        long n = src.getLong(srcAt + 8);
        if (n == 0) {
            return;
        }
        if (child.dataType() == DataTypes.DoubleType) {
            b.putDouble(at, b.getDouble(at) + src.getDouble(srcAt));
        } else {
            b.putLong(at, b.getLong(at) + src.getLong(srcAt));
        }
        b.putLong(at + 8, b.getLong(at + 8) + n);
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        if (b.getLong(at + 8) == 0) {
            out.setNull(field);
        } else {
            out.putLong(field, b.getLong(at)); // same bits for double and long
        }
    }
}
