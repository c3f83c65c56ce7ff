package io.tideway.engine.sink.file;

import java.io.IOException;
import java.io.Writer;

/**
 * A file format as the file sink writes it: the file extension and a per-file row formatter.
 * Built once per query from the validated schema and options.
 *
 * <p>Threading: immutable; {@link #open} is called on worker threads.
 */
interface OutputFormat {
    /** File extension without the dot ({@code json}, {@code csv}, {@code txt}). */
    String extension();

    /**
     * Fails when the schema cannot be written in this format. Spark checks when a batch writes,
     * so the error fails the query rather than {@code start()}; called before every writer.
     */
    default void checkSchema() {
    }

    /** A formatter writing rows to {@code out}, owned by one partition writer. */
    RowFormatter open(Writer out) throws IOException;
}
