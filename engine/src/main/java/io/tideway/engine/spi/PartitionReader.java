package io.tideway.engine.spi;

import io.tideway.offheap.row.RowConsumer;

/**
 * Reads one input partition's rows. Owned by one worker thread for its whole life.
 */
public interface PartitionReader extends AutoCloseable {
    /**
     * Emits up to {@code maxRows} rows to {@code out} without blocking.
     *
     * @return rows emitted, or -1 when the partition is exhausted
     */
    int read(RowConsumer out, int maxRows);

    @Override
    default void close() {
    }
}
