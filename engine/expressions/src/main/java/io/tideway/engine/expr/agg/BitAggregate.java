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
 * {@code bit_and(x)}, {@code bit_or(x)} and {@code bit_xor(x)} over an integral column, as Spark's
 * {@code BitAndAgg}/{@code BitOrAgg}/{@code BitXorAgg}: the result has the input's type (a byte
 * stays a tinyint), nulls are skipped, and no non-null value gives null. State: two words, the
 * running value (sign-extended to a long; the operators keep it in the input's range) and whether
 * a value was seen.
 */
public final class BitAggregate extends AggregateFunction {
    private static final long serialVersionUID = 1L;
    private final String name;
    /** 0 and, 1 or, 2 xor: decided once, not per row. */
    private final int op;

    public BitAggregate(String name, Expression child) {
        super(child);
        this.name = name;
        this.op = name.equals("bit_and") ? 0 : name.equals("bit_or") ? 1 : 2;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new BitAggregate(name, c.get(0));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DataType dataType() {
        DataType t = child.dataType();
        if (t != DataTypes.ByteType && t != DataTypes.ShortType && t != DataTypes.IntegerType && t != DataTypes.LongType) {
            throw InputTypes.mismatch(this, child, 0, "\"INTEGRAL\"");
        }
        return t;
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
        b.putLong(at, 0L);
        b.putLong(at + 8, 0L);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (!in.isNull) {
            fold(b, at, in.l);
        }
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        if (src.getLong(srcAt + 8) != 0) {
            fold(b, at, src.getLong(srcAt));
        }
    }

    private void fold(MutableDirectBuffer b, int at, long v) {
        if (b.getLong(at + 8) == 0) {
            b.putLong(at, v);
            b.putLong(at + 8, 1L);
            return;
        }
        long held = b.getLong(at);
        b.putLong(at, op == 0 ? held & v : op == 1 ? held | v : held ^ v);
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
