package io.tideway.engine.spi;

import java.util.List;

/**
 * A streaming source as the micro-batch executor sees it (Spark's {@code MicroBatchStream}).
 * Planning methods ({@code latestOffset}, {@code planPartitions}, {@code commit}) are called on
 * the query thread only; readers run on worker threads.
 */
public interface StreamSource {
    /** Text for progress reports, e.g. {@code RateStreamV2[rowsPerSecond=1, ...}. */
    String description();

    /** The newest offset available now under {@code limit}, or null when there is no data yet. */
    Offset latestOffset(Offset start, ReadLimit limit);

    /** Parses an offset written by {@link Offset#json()} (from {@code offsets/N}). */
    Offset deserializeOffset(String json);

    /** Splits (start, end] into partitions; {@code start} is null for the first batch. */
    List<InputPartition> planPartitions(Offset start, Offset end);

    PartitionReader createReader(InputPartition partition);

    /** Data up to {@code end} is processed and committed; the source may discard it. */
    default void commit(Offset end) {
    }

    /**
     * Source-specific counters for the progress report's {@code metrics} (Spark's
     * {@code ReportsSourceMetrics}), e.g. corrupt records seen; {@code end} is the batch's end offset.
     */
    default java.util.Map<String, String> metrics(Offset end) {
        return java.util.Map.of();
    }

    /**
     * The newest offset the source knows of regardless of read limits, for the progress report's
     * {@code latestOffset}; null unless the source tracks it. Spark's
     * {@code SupportsAdmissionControl.reportLatestOffset}: its file and rate sources report null,
     * Kafka reports the topic ends.
     */
    default Offset reportLatestOffset() {
        return null;
    }

    /** {@code Trigger.AvailableNow}: fix the target to what is available now. */
    default void prepareForTriggerAvailableNow() {
    }

    default void stop() {
    }
}
