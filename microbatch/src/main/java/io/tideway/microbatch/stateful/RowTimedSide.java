package io.tideway.microbatch.stateful;

import io.tideway.engine.expr.EvalContext;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

/**
 * A {@link LateRowDroppingSide} whose event time is a column of the input row itself (dedup and
 * the groups-with-state stages; a join side reads it from its key instead). The row is wrapped
 * once here, and {@link #shuffle} reads it through {@link #in}. One per reader task, used by that
 * task's thread only.
 */
abstract class RowTimedSide extends LateRowDroppingSide {
    /** The row {@link #eventTimeMicros} just wrapped, for {@link #shuffle} to key. */
    final RowReader in;
    /** The event-time column, or null when the stage has no watermark. */
    private final EventTimeColumn eventTime;
    final StatefulStage.Shuffle out;

    RowTimedSide(EvalContext ctx, StructType input, int eventTimeOrdinal, StatefulStage.Shuffle out) {
        super(ctx);
        this.in = new RowReader(input.length());
        this.eventTime = eventTimeOrdinal < 0 ? null : EventTimeColumn.at(input, eventTimeOrdinal);
        this.out = out;
    }

    @Override
    final long eventTimeMicros(DirectBuffer buffer, int offset, int length) {
        in.wrap(buffer, offset, length);
        return eventTime == null ? EventTimeColumn.NULL_TIME : eventTime.micros(in);
    }
}
