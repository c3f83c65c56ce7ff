package io.tideway.microbatch.stateful;

import io.tideway.engine.plan.EventTimeWatermark;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

/**
 * A column bounded by the watermark: a timestamp (its value is the event time) or a window
 * struct (its {@code end} is, as in Spark's eviction predicate {@code window.end <= watermark}).
 * Reads the time from a row without allocating; one per task.
 */
final class EventTimeColumn {
    static final long NULL_TIME = Long.MIN_VALUE;
    private final int ordinal;
    private final boolean window;
    private final RowReader struct = new RowReader(2);

    EventTimeColumn(int ordinal, boolean window) {
        this.ordinal = ordinal;
        this.window = window;
    }

    /** The first field of {@code schema} whose metadata carries a watermark delay, or -1. */
    static int find(StructType schema) {
        for (int i = 0; i < schema.length(); i++) {
            if (schema.apply(i).metadata().contains(EventTimeWatermark.DELAY_KEY)) {
                return i;
            }
        }
        return -1;
    }

    static EventTimeColumn at(StructType schema, int ordinal) {
        StructField f = schema.apply(ordinal);
        return new EventTimeColumn(ordinal, f.dataType() instanceof StructType);
    }

    static long delayMs(StructType schema, int ordinal) {
        return schema.apply(ordinal).metadata().getLong(EventTimeWatermark.DELAY_KEY);
    }

    /** Event time in microseconds, or {@link #NULL_TIME}. */
    long micros(RowReader row) {
        if (row.isNullAt(ordinal)) {
            return NULL_TIME;
        }
        return window ? row.getStruct(ordinal, struct).getLong(1) : row.getLong(ordinal);
    }

    /** Spark's inclusive lateness test: at or below the watermark. */
    static boolean isLate(long micros, long watermarkMs) {
        return micros != NULL_TIME && micros <= watermarkMs * 1000L;
    }
}
