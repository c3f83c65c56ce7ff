package io.tideway.engine.exec;

import io.tideway.engine.expr.EventTimeStats;
import io.tideway.offheap.row.RowReader;
import org.agrona.DirectBuffer;

/** {@code withWatermark}: passes rows on and records their event times for the batch's watermark. */
final class EventTimeStatsOperator implements Operator {
    private final int eventTime;
    private final RowReader in;
    private final EventTimeStats local = new EventTimeStats();
    private final EventTimeStats shared;
    private final Operator next;

    EventTimeStatsOperator(int eventTime, int numFields, EventTimeStats shared, Operator next) {
        this.eventTime = eventTime;
        this.in = new RowReader(numFields);
        this.shared = shared;
        this.next = next;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        in.wrap(buffer, offset, length);
        if (!in.isNullAt(eventTime)) {
            local.add(in.getLong(eventTime));
        }
        next.accept(buffer, offset, length);
    }

    @Override
    public void finish() {
        local.mergeInto(shared);
        next.finish();
    }
}
