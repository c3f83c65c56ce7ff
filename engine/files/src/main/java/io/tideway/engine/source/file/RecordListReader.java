package io.tideway.engine.source.file;

import io.tideway.offheap.row.RowWriter;

import java.util.List;

/**
 * Reads records held in memory (a {@code Dataset<String>}'s strings) with a {@link RecordFormat}'s
 * parser, as {@link LineRecordReader} reads a file's lines: header lines and non-record lines
 * skipped, dropped records left out.
 *
 * <p>Threading: owned by one worker thread.
 */
final class RecordListReader implements FileRowReader {
    private final List<String> records;
    private final RecordFormat format;
    private final RecordParser parser;
    private int next;

    RecordListReader(List<String> records, RecordFormat format) {
        this.records = records;
        this.format = format;
        this.parser = format.newParser();
    }

    @Override
    public int next(RowWriter row) {
        if (parser.hasMore()) {
            return parser.more(row) ? ROW : DROPPED;
        }
        while (next < records.size()) {
            String record = records.get(next++);
            if (next <= format.headerLines() || format.skipLine(record)) {
                continue;
            }
            return parser.parse(record, row) ? ROW : DROPPED;
        }
        return END;
    }

    @Override
    public void close() {
        // nothing held
    }
}
