package io.tideway.engine.spi;

import io.tideway.offheap.row.RowConsumer;

/**
 * Reads one input partition's rows. Owned by one worker thread for its whole life.
 */
public interface PartitionReader extends AutoCloseable {
    /** {@link #firstRowSourceNanoTime()} when the source knows no time for its rows. */
    long UNKNOWN_SOURCE_TIME = Long.MIN_VALUE;

    /**
     * Emits up to {@code maxRows} rows to {@code out} without blocking.
     *
     * @return rows emitted, or -1 when the partition is exhausted
     */
    int read(RowConsumer out, int maxRows);

    /**
     * When the first row of the last {@link #read} that emitted rows came into being, on
     * {@link System#nanoTime()}'s scale: the {@code rate} source's intended time, a Kafka record's
     * timestamp; or {@link #UNKNOWN_SOURCE_TIME}, and the time it was read stands in. What a
     * micro-batch's end-to-end latency is measured from (with {@code spark.sql.streaming.metricsEnabled}).
     */
    default long firstRowSourceNanoTime() {
        return UNKNOWN_SOURCE_TIME;
    }

    @Override
    default void close() {
    }
}
