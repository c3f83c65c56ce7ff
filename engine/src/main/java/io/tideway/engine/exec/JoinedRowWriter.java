package io.tideway.engine.exec;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.StructType;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes a join's output row, left columns then right columns, into a reused buffer; a missing
 * side (an outer join's unmatched row) becomes nulls. No allocation per row. Owned by one task.
 */
public final class JoinedRowWriter {
    private final boolean[] leftFixed;
    private final boolean[] rightFixed;
    private final RowScratch scratch;

    public JoinedRowWriter(StructType left, StructType right) {
        this.leftFixed = fixed(left);
        this.rightFixed = fixed(right);
        this.scratch = new RowScratch(leftFixed.length + rightFixed.length);
    }

    private static boolean[] fixed(StructType s) {
        boolean[] f = new boolean[s.length()];
        for (int i = 0; i < f.length; i++) {
            f[i] = s.apply(i).dataType().isFixedWidth();
        }
        return f;
    }

    /** Writes the row at offset 0 of {@link #buffer()}; returns its length. Either side may be null. */
    public int write(RowReader left, RowReader right) {
        RowWriter w = scratch.begin();
        copy(left, leftFixed, w, 0);
        copy(right, rightFixed, w, leftFixed.length);
        return w.finish();
    }

    public UnsafeBuffer buffer() {
        return scratch.buffer;
    }

    private static void copy(RowReader in, boolean[] fixed, RowWriter out, int at) {
        for (int i = 0; i < fixed.length; i++) {
            if (in == null || in.isNullAt(i)) {
                out.setNull(at + i);
            } else if (fixed[i]) {
                out.putLong(at + i, in.getLong(i));
            } else {
                out.putBytes(at + i, in.buffer(), in.varOffset(i), in.varLength(i));
            }
        }
    }
}
