package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.List;

/**
 * {@code max_by(x, ord)} and {@code min_by(x, ord)}: the {@code x} of the row with the largest
 * (smallest) non-null {@code ord}; on a tie the later row wins, as Spark's. Held state:
 * <pre>
 *  | ord length (int) | ord bytes | x null flag (byte, 1: null) | x bytes |
 * </pre>
 */
public final class ExtremeBy extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    private final boolean max;
    private final Expression ordering;

    public ExtremeBy(boolean max, Expression value, Expression ordering) {
        super(value);
        this.max = max;
        this.ordering = ordering;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new ExtremeBy(max, c.get(0), c.get(1));
    }

    @Override
    public List<Expression> children() {
        return List.of(child, ordering);
    }

    @Override
    public List<Expression> inputs() {
        return List.of(child, ordering);
    }

    @Override
    public String name() {
        return max ? "max_by" : "min_by";
    }

    @Override
    public String sql() {
        return name() + "(" + child.sql() + ", " + ordering.sql() + ")";
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    /** Whether a candidate ordering value replaces the held one (ties: the candidate). */
    private boolean wins(DirectBuffer c, int cAt, int cLen, DirectBuffer held, int heldAt) {
        int cmp = ValueCodec.compare(c, cAt, cLen, held, heldAt + 4, held.getInt(heldAt), ordering.dataType());
        return max ? cmp >= 0 : cmp <= 0;
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        Evaluator ord = in[1];
        if (ord.isNull) {
            return UNCHANGED;
        }
        int ordLength = ValueCodec.encode(ord, ordering.dataType(), out, 4);
        if (heldLength >= 0 && !wins(out, 4, ordLength, held, heldAt)) {
            return UNCHANGED;
        }
        out.putInt(0, ordLength);
        Evaluator v = in[0];
        int at = 4 + ordLength;
        out.putByte(at, (byte) (v.isNull ? 1 : 0));
        return at + 1 + (v.isNull ? 0 : ValueCodec.encode(v, child.dataType(), out, at + 1));
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength < 0 || heldLength >= 0 && !wins(other, otherAt + 4, other.getInt(otherAt), held, heldAt)) {
            return UNCHANGED;
        }
        out.putBytes(0, other, otherAt, otherLength);
        return otherLength;
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        if (heldLength < 0) {
            out.setNull(field);
            return;
        }
        int at = heldAt + 4 + held.getInt(heldAt);
        if (held.getByte(at) != 0) {
            out.setNull(field);
        } else {
            ValueCodec.write(held, at + 1, heldAt + heldLength - at - 1, child.dataType(), out, field);
        }
    }
}
