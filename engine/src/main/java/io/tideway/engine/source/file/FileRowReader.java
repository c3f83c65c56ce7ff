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
    /**
     * Writes the next row's data columns into {@code row} (already wrapped).
     *
     * @return false at the end of the file (then nothing was written)
     * @throws IOException when the file cannot be read; the file source fails naming the file or,
     *                     with {@code ignoreCorruptFiles}, skips the rest of it
     */
    boolean next(RowWriter row) throws IOException;
}
