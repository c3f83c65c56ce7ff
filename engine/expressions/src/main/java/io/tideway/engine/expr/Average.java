package io.tideway.engine.expr;

import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/** {@code avg(x)}: a double; null when no non-null input. */
public final class Average extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    public Average(Expression child) {
        super(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Average(c.get(0));
    }

    @Override
    public String name() {
        return "avg";
    }

    @Override
    public DataType dataType() {
        requireNumeric();
        return DataTypes.DoubleType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public int bufferWords() {
        return 2; // sum as double, count
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        b.putDouble(at, 0.0);
        b.putLong(at + 8, 0L);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (in.isNull) {
            return;
        }
        double v = child.dataType() == DataTypes.DoubleType ? in.d : in.l;
        b.putDouble(at, b.getDouble(at) + v);
        b.putLong(at + 8, b.getLong(at + 8) + 1);
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        b.putDouble(at, b.getDouble(at) + src.getDouble(srcAt));
        b.putLong(at + 8, b.getLong(at + 8) + src.getLong(srcAt + 8));
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        long n = b.getLong(at + 8);
        if (n == 0) {
            out.setNull(field);
        } else {
            out.putDouble(field, b.getDouble(at) / n);
        }
    }
}
