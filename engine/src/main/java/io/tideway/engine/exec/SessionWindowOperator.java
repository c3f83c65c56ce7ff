package io.tideway.engine.exec;

import io.tideway.engine.plan.SessionWindowExpand;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Appends each row's own session {@code [t, t + gap)} ({@link SessionWindowExpand}). */
final class SessionWindowOperator implements Operator {
    private final int time;
    private final long gap;
    private final int windowField;
    private final RowReader in;
    private final FieldCopier copier;
    private final RowScratch out;
    private final UnsafeBuffer structBytes = new UnsafeBuffer(new byte[64]);
    private final RowWriter struct = new RowWriter(2);
    private final Operator next;

    SessionWindowOperator(SessionWindowExpand node, Operator next) {
        this.time = node.timeOrdinal();
        this.gap = node.window().gapMicros();
        int fields = node.child().schema().length();
        this.windowField = fields;
        this.in = new RowReader(fields);
        int[] all = new int[fields];
        for (int i = 0; i < fields; i++) {
            all[i] = i;
        }
        this.copier = new FieldCopier(node.child().schema(), all);
        this.out = new RowScratch(fields + 1);
        this.next = next;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        in.wrap(buffer, offset, length);
        if (in.isNullAt(time)) {
            return;
        }
        long t = in.getLong(time);
        struct.wrap(structBytes, 0);
        struct.putLong(0, t);
        struct.putLong(1, t + gap);
        int structLength = struct.finish();
        RowWriter w = out.begin();
        copier.copy(in, w);
        w.putBytes(windowField, structBytes, 0, structLength);
        next.accept(out.buffer, 0, w.finish());
    }

    @Override
    public void finish() {
        next.finish();
    }
}
