package io.tideway.sql.streaming;

import java.io.Serializable;

/** The times a {@code transformWithState} call runs at, as Spark's {@code TimerValues}. */
public interface TimerValues extends Serializable {
    /** The batch's processing time, in epoch milliseconds. */
    long getCurrentProcessingTimeInMs();

    /** The watermark the batch evicts with, in epoch milliseconds. */
    long getCurrentWatermarkInMs();
}
