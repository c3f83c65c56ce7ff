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
 * {@code product(x)}: Spark's {@code Product}, the product of the non-null values as a double (a
 * number or a string cast to double), null when there are none. State: two words, the running
 * product and the count of values folded in.
 */
public final class Product extends AggregateFunction {
    private static final long serialVersionUID = 1L;
    /** The input's type once resolved, read per row. */
    private transient DataType inputType;

    public Product(Expression child) {
        super(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Product(c.get(0));
    }

    @Override
    public String name() {
        return "product";
    }

    @Override
    public List<Expression> inputs() {
        return List.of(InputTypes.numeric(child));
    }

    @Override
    public DataType dataType() {
        DataType t = child.dataType();
        if (!t.isNumeric() && t != DataTypes.NullType && t != DataTypes.StringType) {
            throw InputTypes.mismatch(this, child, 0, "\"DOUBLE\"");
        }
        return DataTypes.DoubleType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public int bufferWords() {
        return 2;
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        b.putDouble(at, 1.0);
        b.putLong(at + 8, 0L);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (in.isNull) {
            return;
        }
        DataType t = inputType;
        if (t == null) {
            t = InputTypes.numeric(child).dataType();
            inputType = t;
        }
        b.putDouble(at, b.getDouble(at) * InputTypes.asDouble(in, t));
        b.putLong(at + 8, b.getLong(at + 8) + 1);
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        long n = src.getLong(srcAt + 8);
        if (n != 0) {
            b.putDouble(at, b.getDouble(at) * src.getDouble(srcAt));
            b.putLong(at + 8, b.getLong(at + 8) + n);
        }
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        if (b.getLong(at + 8) == 0) {
            out.setNull(field);
        } else {
            out.putDouble(field, b.getDouble(at));
        }
    }
}
