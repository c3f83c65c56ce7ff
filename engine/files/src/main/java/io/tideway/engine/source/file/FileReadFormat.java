package io.tideway.engine.source.file;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file format as the file source reads it (streaming {@code readStream()} and batch
 * {@code read()} alike): opens one file as rows of the data schema the format was built for.
 * Built once per query (or per batch read) from the validated options; line-delimited text
 * formats are {@link RecordFormat}s, binary whole-file formats implement this directly.
 *
 * <p>Threading: immutable; {@link #open} is called on worker threads.
 */
public interface FileReadFormat {
    /**
     * Opens {@code file} for reading.
     *
     * @throws java.nio.file.NoSuchFileException when the file is gone (which {@code ignoreMissingFiles} skips)
     */
    FileRowReader open(Path file) throws IOException;
}
