package io.tideway.engine.sink.file;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file format as the file sinks write it (streaming {@code writeStream()} and batch
 * {@code write()} alike): the part files' extension and a writer of one file. Built once per
 * query (or per batch write) from the validated schema and options; the text formats are
 * {@link OutputFormat}s, binary formats (Parquet) implement this directly.
 *
 * <p>Threading: immutable; {@link #open} is called on worker threads.
 */
public interface FileWriteFormat {
    /** The part files' extension without the leading dot ({@code json}, {@code snappy.parquet}). */
    String extension();

    /**
     * Fails when the schema cannot be written in this format. Spark checks when a batch writes,
     * so the error fails the query rather than {@code start()}; called before every writer.
     */
    default void checkSchema() {
    }

    /** Creates {@code file} and a writer of rows into it. */
    FileRowWriter open(Path file) throws IOException;
}
