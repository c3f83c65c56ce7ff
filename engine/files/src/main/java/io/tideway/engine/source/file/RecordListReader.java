package io.tideway.engine.source.file;

import io.tideway.SparkException;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowWriter;

import java.util.List;
import java.util.Map;

/**
 * Reads records held in memory (a {@code Dataset<String>}'s strings) with a {@link RecordFormat}'s
 * parser, as {@link LineRecordReader} reads a file's lines: header lines and non-record lines
 * skipped, dropped records left out. A FAILFAST parse error is Spark's
 * {@code [MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION]} (no file to name).
 *
 * <p>Threading: owned by one worker thread.
 */
final class RecordListReader implements PartitionReader {
    private final List<String> records;
    private final RecordFormat format;
    private final RecordParser parser;
    private final RowWriter writer;
    private final GrowableBuffer scratch = new GrowableBuffer(256);
    private int next;

    RecordListReader(List<String> records, RecordFormat format, int numFields) {
        this.records = records;
        this.format = format;
        this.parser = format.newParser();
        this.writer = new RowWriter(numFields);
    }

    @Override
    public int read(RowConsumer out, int maxRows) {
        int emitted = 0;
        while (emitted < maxRows) {
            writer.wrap(scratch.buffer(), 0, scratch);
            boolean row;
            try {
                if (parser.hasMore()) {
                    row = parser.more(writer);
                } else if (next < records.size()) {
                    String record = records.get(next++);
                    if (next <= format.headerLines() || format.skipLine(record)) {
                        continue;
                    }
                    row = parser.parse(record, writer);
                } else {
                    return emitted == 0 ? -1 : emitted;
                }
            } catch (BadRecordException e) {
                throw Unchecked.raise(new SparkException("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
                        Map.of("badRecord", FileReadFailure.rowText(e.partialResult()), "failFastMode", ParseMode.FAILFAST.name()),
                        e.getCause()));
            }
            if (row) {
                out.accept(scratch.buffer(), 0, writer.finish());
                emitted++;
            }
        }
        return emitted;
    }
}
