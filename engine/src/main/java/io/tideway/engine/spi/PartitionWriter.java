package io.tideway.engine.spi;

import io.tideway.offheap.row.RowConsumer;

/**
 * Writes one partition's rows for one batch or epoch (two-phase: rows, then {@link #commit()} or
 * {@link #abort()}). Owned by one worker or task thread.
 */
public interface PartitionWriter extends RowConsumer {
    CommitMessage commit();

    default void abort() {
    }
}
