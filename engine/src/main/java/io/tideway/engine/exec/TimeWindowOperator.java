package io.tideway.engine.exec;

import io.tideway.engine.expr.TimeWindow;
import io.tideway.engine.plan.TimeWindowExpand;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Emits each input row once per event-time window containing its time, with the window struct
 * appended ({@link TimeWindowExpand}). The struct is built in a small scratch row and copied in.
 */
final class TimeWindowOperator implements Operator {
    private final TimeWindow window;
    private final int time;
    private final int windowField;
    private final int perRow;
    private final RowReader in;
    private final FieldCopier copier;
    private final RowScratch out;
    private final UnsafeBuffer structBytes = new UnsafeBuffer(new byte[64]);
    private final RowWriter struct = new RowWriter(2);
    private final Operator next;

    TimeWindowOperator(TimeWindowExpand node, Operator next) {
        this.window = node.window();
        this.time = node.timeOrdinal();
        int fields = node.child().schema().length();
        this.windowField = fields;
        this.perRow = window.windowsPerRow();
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
        long lastStart = window.lastStart(t);
        // Oldest window first, as Spark's Expand lists them.
        for (int i = perRow - 1; i >= 0; i--) {
            long start = lastStart - i * window.slideMicros();
            long end = start + window.windowMicros();
            if (start <= t && t < end) {
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
    }

    @Override
    public void finish() {
        next.finish();
    }
}
