package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mode(x)}: the most frequent non-null value, null over none. Holds every value (a
 * {@link HeldList}); among equally frequent values it answers the one Spark's does, the first in
 * the iteration order of the hash map Spark counts in ({@link OpenHashSetOrder}); {@code mode(x, true)}
 * answers the smallest of them.
 */
public final class Mode extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    /** {@code mode(x, true)}: among equally frequent values the smallest. */
    private final boolean deterministic;
    /** {@code mode() WITHIN GROUP (ORDER BY x DESC)}: among equally frequent values the largest. */
    private final boolean largest;

    public Mode(Expression child, boolean deterministic) {
        this(child, deterministic, false);
    }

    private Mode(Expression child, boolean deterministic, boolean largest) {
        super(child);
        this.deterministic = deterministic;
        this.largest = largest;
    }

    /**
     * {@code mode() WITHIN GROUP (ORDER BY x [DESC])}: ascending answers the smallest of equally
     * frequent values (Spark's {@code mode(x, true)}), descending the largest.
     */
    public static Mode withinGroup(Expression child, boolean descending) {
        return new Mode(child, !descending, descending);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Mode(c.get(0), deterministic, largest);
    }

    @Override
    public String name() {
        return "mode";
    }

    @Override
    public String sql() {
        // Spark plans mode(x, true) as its ordered-set form and names the column after it; its
        // names are swapped: the ascending form (the smallest value) prints DESC, the descending none
        if (largest) {
            return "mode() WITHIN GROUP (ORDER BY " + child.sql() + ")";
        }
        return deterministic ? "mode() WITHIN GROUP (ORDER BY " + child.sql() + " DESC)" : super.sql();
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
        DataType t = child.dataType();
        List<Integer> keys = new ArrayList<>(); // distinct values, first seen first
        List<Integer> counts = new ArrayList<>();
        for (int p = heldAt, end = heldAt + Math.max(0, heldLength); p < end; p = HeldList.next(held, p)) {
            int k = 0;
            while (k < keys.size() && !ValueCodec.same(held, HeldList.valueAt(p), HeldList.valueLength(held, p),
                    held, HeldList.valueAt(keys.get(k)), HeldList.valueLength(held, keys.get(k)), t)) {
                k++;
            }
            if (k == keys.size()) {
                keys.add(p);
                counts.add(0);
            }
            counts.set(k, counts.get(k) + 1);
        }
        if (keys.isEmpty()) {
            out.setNull(field);
            return;
        }
        int best = -1;
        for (int k : OpenHashSetOrder.order(held, keys, t)) {
            // the first of equally frequent values, as Scala's maxBy; deterministic: the smallest of them
            if (best < 0 || counts.get(k) > counts.get(best) || (deterministic || largest) && counts.get(k).equals(counts.get(best))
                    && (largest ? -1 : 1) * ValueCodec.compare(held, HeldList.valueAt(keys.get(k)), HeldList.valueLength(held, keys.get(k)),
                    held, HeldList.valueAt(keys.get(best)), HeldList.valueLength(held, keys.get(best)), t) < 0) {
                best = k;
            }
        }
        int p = keys.get(best);
        ValueCodec.write(held, HeldList.valueAt(p), HeldList.valueLength(held, p), t, out, field);
    }
}
