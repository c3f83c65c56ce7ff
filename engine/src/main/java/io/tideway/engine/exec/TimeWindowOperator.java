package io.tideway.engine.exec;

import io.tideway.engine.expr.TimeWindow;
import io.tideway.engine.plan.TimeWindowExpand;
import io.tideway.offheap.row.RowReader;
import org.agrona.DirectBuffer;

/**
 * Emits each input row once per event-time window containing its time, with the window struct
 * appended ({@link TimeWindowExpand}).
 */
final class TimeWindowOperator implements Operator {
    private final TimeWindow window;
    private final int time;
    private final int perRow;
    private final RowReader in;
    private final WindowColumnAppender out;
    private final Operator next;

    TimeWindowOperator(TimeWindowExpand node, Operator next) {
        this.window = node.window();
        this.time = node.timeOrdinal();
        this.perRow = window.windowsPerRow();
        this.in = new RowReader(node.child().schema().length());
        this.out = new WindowColumnAppender(node.child().schema());
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
                out.emit(in, start, end, next);
            }
        }
    }

    @Override
    public void finish() {
        next.finish();
    }
}
