package io.tideway.engine.exec;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;

/** Copies fields of one row into another row being written, by type, without allocating. */
final class FieldCopier {
    private final boolean[] fixed;

    FieldCopier(StructType schema) {
        fixed = new boolean[schema.length()];
        for (int i = 0; i < fixed.length; i++) {
            DataType t = schema.apply(i).dataType();
            fixed[i] = t.isFixedWidth();
        }
    }

    /** Copies every field of {@code in} to the same positions in {@code out}. */
    void copyAll(RowReader in, RowWriter out) {
        for (int i = 0; i < fixed.length; i++) {
            if (in.isNullAt(i)) {
                out.setNull(i);
            } else if (fixed[i]) {
                out.putLong(i, in.getLong(i));
            } else {
                out.putBytes(i, in.buffer(), in.varOffset(i), in.varLength(i));
            }
        }
    }
}
