package io.tideway.engine.source.file;

import io.tideway.offheap.row.RowWriter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one file of a {@link RecordFormat}: its records (lines ending at any line end or at the
 * format's {@code lineSep}, or the whole file), skipping header and non-record lines and the
 * records the parser drops. Bytes that are not UTF-8 read as U+FFFD, as Spark reads them, never
 * as a decoding error. A FAILFAST parse error leaves as {@link BadRecordException}.
 *
 * <p>Threading: owned by one worker thread.
 */
final class LineRecordReader implements FileRowReader {
    private final RecordFormat format;
    private final RecordParser parser;
    private final BufferedReader in;
    private long lineNumber;
    private boolean exhausted;

    /** Opens the file (InputStreamReader decodes bad bytes as U+FFFD, where Files.newBufferedReader throws). */
    LineRecordReader(Path file, RecordFormat format) throws IOException {
        this.format = format;
        this.parser = format.newParser();
        this.in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    }

    @Override
    public int next(RowWriter row) throws IOException {
        if (parser.hasMore()) {
            return parser.more(row) ? ROW : DROPPED;
        }
        while (!exhausted) {
            String record;
            if (format.wholeFile()) {
                exhausted = true;
                record = readAll();
            } else {
                record = format.lineSep() == null ? in.readLine() : readUntil(format.lineSep());
                if (record == null) {
                    exhausted = true;
                    return END;
                }
                lineNumber++;
                if (lineNumber <= format.headerLines() || format.skipLine(record)) {
                    continue;
                }
            }
            return parser.parse(record, row) ? ROW : DROPPED;
        }
        return END;
    }

    /**
     * The next record ending at {@code sep} (or at the end of the file), or null at the end; an
     * empty last record after a final separator is none, as Hadoop's {@code LineRecordReader}.
     */
    private String readUntil(String sep) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (sb.length() >= sep.length() && sb.lastIndexOf(sep) == sb.length() - sep.length()) {
                sb.setLength(sb.length() - sep.length());
                return sb.toString();
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private String readAll() throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
