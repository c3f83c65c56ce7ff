package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * {@code first(x[, ignoreNulls])}, {@code last(x[, ignoreNulls])} and {@code any_value(x[, ignoreNulls])}
 * (Spark's {@code First}): the first or last value seen, a null too unless {@code ignoreNulls}.
 * A fixed-width value keeps two words (the value, then flags: bit 0 a value is set, bit 1 it is
 * null); any other value is held as one flag byte (1: null) and its {@link ValueCodec} bytes.
 */
public final class FirstLast extends AggregateFunction {
    private static final long serialVersionUID = 1L;
    private static final long SET = 1L;
    private static final long NULL = 2L;
    private final String name;
    private final boolean last;
    private final boolean ignoreNulls;

    public FirstLast(String name, Expression child, boolean ignoreNulls) {
        super(child);
        this.name = name;
        this.last = name.startsWith("last");
        this.ignoreNulls = ignoreNulls;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new FirstLast(name, c.get(0), ignoreNulls);
    }

    @Override
    public String name() {
        return name;
    }

    /** Whether nulls are skipped, which {@code Column.toString} prints as a second argument. */
    public boolean ignoreNulls() {
        return ignoreNulls;
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public boolean variableWidth() {
        DataType t = child.dataType();
        return !(t.isFixedWidth() && !(t instanceof io.tideway.sql.types.DecimalType)) && t != DataTypes.NullType;
    }

    @Override
    public int bufferWords() {
        return variableWidth() ? 1 : 2;
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        if (variableWidth()) {
            b.putLong(at, NO_VALUE);
        } else {
            b.putLong(at, 0L);
            b.putLong(at + 8, 0L);
        }
    }

    /** Whether a row whose value is null or not replaces a state that is set or not. */
    private boolean takes(boolean set, boolean isNull) {
        if (isNull && ignoreNulls) {
            return false;
        }
        return last || !set;
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (takes(b.getLong(at + 8) != 0, in.isNull)) {
            b.putLong(at, in.isNull ? 0L : ValueCodec.isDouble(child.dataType()) ? Double.doubleToRawLongBits(in.d) : in.l);
            b.putLong(at + 8, in.isNull ? SET | NULL : SET);
        }
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        long flags = src.getLong(srcAt + 8);
        if (flags != 0 && takes(b.getLong(at + 8) != 0, (flags & NULL) != 0)) {
            b.putLong(at, src.getLong(srcAt));
            b.putLong(at + 8, flags);
        }
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        if ((b.getLong(at + 8) & NULL) != 0 || b.getLong(at + 8) == 0) {
            out.setNull(field);
        } else {
            out.putLong(field, b.getLong(at));
        }
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        Evaluator e = in[0];
        if (!takes(heldLength >= 0, e.isNull)) {
            return UNCHANGED;
        }
        out.putByte(0, (byte) (e.isNull ? 1 : 0));
        return 1 + (e.isNull ? 0 : ValueCodec.encode(e, child.dataType(), out, 1));
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength < 0 || !takes(heldLength >= 0, other.getByte(otherAt) != 0)) {
            return UNCHANGED;
        }
        out.putBytes(0, other, otherAt, otherLength);
        return otherLength;
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        if (heldLength < 0 || held.getByte(heldAt) != 0) {
            out.setNull(field);
        } else {
            ValueCodec.write(held, heldAt + 1, heldLength - 1, child.dataType(), out, field);
        }
    }
}
