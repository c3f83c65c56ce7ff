package io.tideway.engine.source.file;

import io.tideway.offheap.row.RowWriter;

/**
 * Text reading: schema {@code value: string}, one row per line (line ends {@code \n},
 * {@code \r\n} or {@code \r} are dropped, or the {@code lineSep} option's separator), or one
 * row per file with {@code wholetext}. Never malformed. Immutable.
 */
final class TextFormat implements RecordFormat, RecordParser {
    private final boolean wholeText;
    private final String lineSep;

    TextFormat(boolean wholeText, String lineSep) {
        this.wholeText = wholeText;
        this.lineSep = lineSep;
    }

    @Override
    public String lineSep() {
        return lineSep;
    }

    @Override
    public RecordParser newParser() {
        return this; // stateless
    }

    @Override
    public boolean wholeFile() {
        return wholeText;
    }

    /** Plain lines are read as bytes ({@link TextLineReader}); {@code wholetext} and {@code lineSep} as records. */
    @Override
    public FileRowReader open(java.nio.file.Path file) throws java.io.IOException {
        return wholeText || lineSep != null ? RecordFormat.super.open(file) : new TextLineReader(file);
    }

    @Override
    public boolean parse(String record, RowWriter row) {
        row.putString(0, record);
        return true;
    }
}
