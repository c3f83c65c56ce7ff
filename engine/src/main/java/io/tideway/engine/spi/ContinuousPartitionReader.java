package io.tideway.engine.spi;

import io.tideway.offheap.row.RowConsumer;

/**
 * Reads one source partition for the life of a continuous query. Owned by one reader thread;
 * {@link #poll} must not block (it returns 0 when nothing is available, and the reader thread's
 * idle strategy decides how to wait) and should not allocate per row.
 */
public interface ContinuousPartitionReader extends AutoCloseable {
    /** Emits up to {@code maxRows} rows that are available now; returns how many (0 = none yet). */
    int poll(RowConsumer out, int maxRows);

    /** The position after the last row emitted: what a restart resumes from. */
    PartitionOffset currentOffset();

    @Override
    default void close() {
    }
}
