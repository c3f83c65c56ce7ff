package io.tideway.engine.sink.file;

import io.tideway.offheap.row.RowReader;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes rows into one file a {@link FileWriteFormat} opened; {@link #close} completes the file
 * (a binary format writes its footer there), after which the file sink renames it into place.
 *
 * <p>Threading: owned by one partition writer.
 */
public interface FileRowWriter extends Closeable {
    void write(RowReader row) throws IOException;
}
