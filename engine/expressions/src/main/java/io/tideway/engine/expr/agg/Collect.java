package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.List;

/**
 * {@code collect_list(x)} (also {@code array_agg}) and {@code collect_set(x)}: the non-null values
 * in arrival order, for a set without repeats and in the order Spark's hash set lists them
 * ({@link HashSetOrder}); an empty array when none. Held as a {@link HeldList}.
 */
public final class Collect extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final boolean set;

    public Collect(String name, Expression child) {
        super(child);
        this.name = name.equals("array_agg") ? "collect_list" : name; // Spark names array_agg's column collect_list(x)
        this.set = name.equals("collect_set");
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Collect(name, c.get(0));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DataType dataType() {
        return new ArrayType(child.dataType(), false);
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        Evaluator e = in[0];
        if (e.isNull) {
            return UNCHANGED;
        }
        if (set && heldLength > 0) {
            int n = ValueCodec.encode(e, child.dataType(), out, 0);
            if (HeldList.contains(held, heldAt, heldLength, out, 0, n, child.dataType())) {
                return UNCHANGED;
            }
        }
        return HeldList.append(held, heldAt, heldLength, e, child.dataType(), out);
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength <= 0) {
            return UNCHANGED;
        }
        if (!set) {
            return HeldList.concat(held, heldAt, heldLength, other, otherAt, otherLength, out);
        }
        int n = Math.max(0, heldLength);
        if (n > 0) {
            out.putBytes(0, held, heldAt, n);
        }
        for (int p = otherAt, end = otherAt + otherLength; p < end; p = HeldList.next(other, p)) {
            int len = HeldList.valueLength(other, p);
            if (!HeldList.contains(out, 0, n, other, HeldList.valueAt(p), len, child.dataType())) {
                out.putBytes(n, other, p, HeldList.LENGTH_BYTES + len);
                n += HeldList.LENGTH_BYTES + len;
            }
        }
        return n;
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        int length = Math.max(0, heldLength);
        int[] entries = new int[HeldList.count(held, heldAt, length)];
        int i = 0;
        for (int p = heldAt, end = heldAt + length; p < end; p = HeldList.next(held, p)) {
            entries[i++] = p;
        }
        if (set) {
            entries = HashSetOrder.order(held, entries, child.dataType());
        }
        ArrayWriter a = out.beginArray(field, entries.length);
        for (int j = 0; j < entries.length; j++) {
            int p = entries[j];
            ValueCodec.write(held, HeldList.valueAt(p), HeldList.valueLength(held, p), child.dataType(), a, j);
        }
        a.end();
    }
}
