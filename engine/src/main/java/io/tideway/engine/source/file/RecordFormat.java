package io.tideway.engine.source.file;

/**
 * A file format as the file source reads it: how records are delimited in a file and how each
 * becomes a row. Built once per query from the validated options.
 *
 * <p>Threading: immutable; {@link #newParser()} is called on worker threads.
 */
interface RecordFormat {
    /** A parser for one reader. */
    RecordParser newParser();

    /** Lines skipped at the start of every file (CSV {@code header}). */
    default int headerLines() {
        return 0;
    }

    /** One record per file instead of per line (text {@code wholetext}). */
    default boolean wholeFile() {
        return false;
    }

    /** The record separator ({@code lineSep}), or null for any line end. */
    default String lineSep() {
        return null;
    }

    /** Lines that are not records (CSV and JSON skip blank lines; text keeps them). */
    default boolean skipLine(String line) {
        return false;
    }
}
