package io.tideway.engine.spi;

import io.tideway.offheap.row.RowConsumer;

/**
 * One batch write of a DataFrame to files, opened by {@link FileWriteProvider#openBatchWrite}: takes
 * the rows, then either commits (the files appear together) or aborts (none appear).
 *
 * <p>Threading: owned by the thread that runs the write.
 */
public interface BatchFileWrite extends RowConsumer {
    /** Puts every written file into place and marks the write done. */
    void commit();

    /** Deletes the files not yet put into place. */
    void abort();
}
