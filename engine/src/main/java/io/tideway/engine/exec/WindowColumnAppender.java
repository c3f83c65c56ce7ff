package io.tideway.engine.exec;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.StructType;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes an input row with a {@code struct<start, end>} window column appended, as the time and
 * session window operators emit it; the struct is built in a small scratch row and copied in.
 * No allocation per row. Owned by one task.
 */
final class WindowColumnAppender {
    private final int windowField;
    private final FieldCopier copier;
    private final RowScratch out;
    private final UnsafeBuffer structBytes = new UnsafeBuffer(new byte[64]);
    private final RowWriter struct = new RowWriter(2);

    WindowColumnAppender(StructType input) {
        int fields = input.length();
        this.windowField = fields;
        int[] all = new int[fields];
        for (int i = 0; i < fields; i++) {
            all[i] = i;
        }
        this.copier = new FieldCopier(input, all);
        this.out = new RowScratch(fields + 1);
    }

    /** Sends {@code in} plus the window {@code [start, end)} to {@code next}. */
    void emit(RowReader in, long start, long end, Operator next) {
        struct.wrap(structBytes, 0);
        struct.putLong(0, start);
        struct.putLong(1, end);
        int structLength = struct.finish();
        RowWriter w = out.begin();
        copier.copy(in, w);
        w.putBytes(windowField, structBytes, 0, structLength);
        next.accept(out.buffer, 0, w.finish());
    }
}
