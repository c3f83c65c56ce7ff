package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.List;

/**
 * {@code mode(x)}: the most frequent non-null value, null over none. Holds every value (a
 * {@link HeldList}); among equally frequent values it answers the smallest, which is Spark's
 * {@code mode(x, true)} (Spark's {@code mode(x)} leaves the choice to its hash map's order).
 */
public final class Mode extends HeldAggregate {
    private static final long serialVersionUID = 1L;

    public Mode(Expression child) {
        super(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Mode(c.get(0));
    }

    @Override
    public String name() {
        return "mode";
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
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        return in[0].isNull ? UNCHANGED : HeldList.append(held, heldAt, heldLength, in[0], child.dataType(), out);
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        return otherLength <= 0 ? UNCHANGED : HeldList.concat(held, heldAt, heldLength, other, otherAt, otherLength, out);
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        int best = -1;
        int bestCount = 0;
        DataType t = child.dataType();
        for (int p = heldAt, end = heldAt + Math.max(0, heldLength); p < end; p = HeldList.next(held, p)) {
            int count = 0;
            for (int q = heldAt; q < end; q = HeldList.next(held, q)) {
                if (ValueCodec.same(held, HeldList.valueAt(p), HeldList.valueLength(held, p),
                        held, HeldList.valueAt(q), HeldList.valueLength(held, q), t)) {
                    count++;
                }
            }
            if (count > bestCount || count == bestCount && best >= 0 && ValueCodec.compare(held, HeldList.valueAt(p),
                    HeldList.valueLength(held, p), held, HeldList.valueAt(best), HeldList.valueLength(held, best), t) < 0) {
                best = p;
                bestCount = count;
            }
        }
        if (best < 0) {
            out.setNull(field);
        } else {
            ValueCodec.write(held, HeldList.valueAt(best), HeldList.valueLength(held, best), t, out, field);
        }
    }
}
