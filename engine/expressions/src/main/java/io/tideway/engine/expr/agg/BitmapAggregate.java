package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.fn.BitmapKernels;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * {@code bitmap_construct_agg(position)} (sets each BIGINT position's bit; a string or other number
 * is cast to BIGINT) and {@code bitmap_or_agg(bitmap)} (ORs BINARY bitmaps), Spark's
 * {@code BitmapConstructAgg}/{@code BitmapOrAgg}: the state is the bitmap itself,
 * {@link BitmapKernels#NUM_BYTES} bytes in place in the group's words, and the result is those
 * bytes, never null (all zeros over no rows).
 */
public final class BitmapAggregate extends AggregateFunction {
    private static final long serialVersionUID = 1L;
    private static final int WORDS = BitmapKernels.NUM_BYTES / 8;
    private final String name;

    public BitmapAggregate(String name, Expression child) {
        super(child);
        this.name = name;
    }

    private boolean construct() {
        return name.equals("bitmap_construct_agg");
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new BitmapAggregate(name, c.get(0));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Expression> inputs() {
        return List.of(construct() ? TypeCoercion.castIfNeeded(child, DataTypes.LongType) : child);
    }

    @Override
    public DataType dataType() {
        DataType t = child.dataType();
        if (construct() ? !(t.isNumeric() || t == DataTypes.StringType || t == DataTypes.NullType) : t != DataTypes.BinaryType) {
            throw InputTypes.mismatch(this, child, 0, construct() ? "\"BIGINT\"" : "\"BINARY\"");
        }
        return DataTypes.BinaryType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public int bufferWords() {
        return WORDS;
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        b.setMemory(at, BitmapKernels.NUM_BYTES, (byte) 0);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (in.isNull) {
            return;
        }
        if (construct()) {
            BitmapKernels.set(b, at, in.l);
        } else {
            BitmapKernels.or(b, at, in.buf, in.off, in.len);
        }
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        BitmapKernels.or(b, at, src, srcAt, BitmapKernels.NUM_BYTES);
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        out.putBytes(field, b, at, BitmapKernels.NUM_BYTES);
    }
}
