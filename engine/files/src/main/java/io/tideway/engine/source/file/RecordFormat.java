package io.tideway.engine.source.file;

/**
 * A line-delimited text format as the file source reads it: how records are delimited in a file
 * and how each becomes a row; {@link LineRecordReader} reads its files. Built once per query from
 * the validated options.
 *
 * <p>Threading: immutable; {@link #newParser()} and {@link #open} are called on worker threads.
 */
interface RecordFormat extends FileReadFormat {
    @Override
    default FileRowReader open(java.nio.file.Path file) throws java.io.IOException {
        return new LineRecordReader(file, this);
    }

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
