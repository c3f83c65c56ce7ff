package io.tideway.engine.exec;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;

/** Copies chosen fields of one row into the first fields of a row being written, without allocating. */
final class FieldCopier {
    private final int[] from;
    private final boolean[] fixed;

    /** @param ordinals the input fields to copy; field {@code ordinals[k]} becomes output field k */
    FieldCopier(StructType schema, int[] ordinals) {
        from = ordinals.clone();
        fixed = new boolean[from.length];
        for (int k = 0; k < from.length; k++) {
            DataType t = schema.apply(from[k]).dataType();
            fixed[k] = t.isFixedWidth();
        }
    }

    void copy(RowReader in, RowWriter out) {
        for (int k = 0; k < from.length; k++) {
            int i = from[k];
            if (in.isNullAt(i)) {
                out.setNull(k);
            } else if (fixed[k]) {
                out.putLong(k, in.getLong(i));
            } else {
                out.putBytes(k, in.buffer(), in.varOffset(i), in.varLength(i));
            }
        }
    }
}
