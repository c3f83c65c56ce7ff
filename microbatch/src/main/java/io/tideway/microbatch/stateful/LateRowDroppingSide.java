package io.tideway.microbatch.stateful;

import io.tideway.engine.expr.EvalContext;
import org.agrona.DirectBuffer;

/**
 * The map side every keyed stage shares: a row whose event time is at or below the watermark of
 * the batch before is late, dropped and counted (Spark's {@code numRowsDroppedByWatermark});
 * every other row goes to the shuffle by its key. Subclasses say where a row's event time is
 * and how it is keyed. One per reader task, used by that task's thread only.
 */
abstract class LateRowDroppingSide implements StatefulStage.MapSide {
    private final long lateWatermarkMs;
    /** Rows dropped as late in this task. */
    private long dropped;

    LateRowDroppingSide(EvalContext ctx) {
        this.lateWatermarkMs = ctx.lateEventsWatermarkMs();
    }

    @Override
    public final void accept(DirectBuffer buffer, int offset, int length) {
        if (EventTimeColumn.isLate(eventTimeMicros(buffer, offset, length), lateWatermarkMs)) {
            dropped++;
            return;
        }
        shuffle(buffer, offset, length);
    }

    /** The row's event time in µs, or {@link EventTimeColumn#NULL_TIME} (none, or the stage has no watermark). */
    abstract long eventTimeMicros(DirectBuffer buffer, int offset, int length);

    /** Sends an on-time row to the partition its key hash picks (called right after {@link #eventTimeMicros} for it). */
    abstract void shuffle(DirectBuffer buffer, int offset, int length);

    @Override
    public final long droppedByWatermark() {
        return dropped;
    }
}
