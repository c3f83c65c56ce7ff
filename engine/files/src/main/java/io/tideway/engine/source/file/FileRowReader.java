package io.tideway.engine.source.file;

import io.tideway.offheap.row.RowWriter;

import java.io.Closeable;
import java.io.IOException;

/**
 * The rows of one open file, as a {@link FileReadFormat} reads them: the text formats' records
 * ({@link LineRecordReader}) or a binary format's rows (Parquet). The file source's partition
 * reader adds the partition columns after the data columns this writes.
 *
 * <p>Threading: owned by one worker thread.
 */
public interface FileRowReader extends Closeable {
    /** {@link #next}: a row was written. */
    int ROW = 1;
    /** {@link #next}: a record was read and dropped (DROPMALFORMED); what it wrote is discarded. */
    int DROPPED = 0;
    /** {@link #next}: the end of the file; nothing was written. */
    int END = -1;

    /**
     * Reads the next record, writing its data columns into {@code row} (already wrapped; the
     * caller wraps it afresh for every call).
     *
     * @return {@link #ROW}, {@link #DROPPED} or {@link #END}
     * @throws IOException when the file cannot be read; the file source fails naming the file or,
     *                     with {@code ignoreCorruptFiles}, skips the rest of it
     */
    int next(RowWriter row) throws IOException;
}
