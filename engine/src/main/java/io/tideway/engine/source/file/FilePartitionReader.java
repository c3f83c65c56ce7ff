package io.tideway.engine.source.file;

import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.sql.types.DataType;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.offheap.row.GrowableBuffer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one admitted file: opens it on the first {@link #read}, turns each record into a row in a
 * reused scratch buffer and hands it to the consumer, and closes the file when exhausted. Bytes
 * that are not UTF-8 read as U+FFFD, as Spark reads them, never as a decoding error. A FAILFAST
 * parse error becomes Spark's {@code FAILED_READ_FILE} chain ({@link FileReadFailure}); a file
 * deleted since it was admitted, or one that fails to read, fails naming it, or with
 * {@link FileReadPolicy}'s options is skipped (the rest of it, for a read that fails part way)
 * with a warning.
 *
 * <p>Threading: owned by one worker thread.
 */
final class FilePartitionReader implements PartitionReader {
    private static final System.Logger LOG = System.getLogger(FilePartitionReader.class.getName());
    private final String uri;
    private final RecordFormat format;
    private final RecordParser parser;
    private final RowWriter writer;
    /** The file's partition column values, written after the data columns of every row. */
    private final Object[] partitionValues;
    private final DataType[] partitionTypes;
    private final FileReadPolicy policy;
    private final GrowableBuffer scratch = new GrowableBuffer(256);
    private BufferedReader in;
    private long lineNumber;
    private boolean exhausted;

    FilePartitionReader(FileInputPartition partition, RecordFormat format, int numFields, Object[] partitionValues,
                        DataType[] partitionTypes, FileReadPolicy policy) {
        this.uri = partition.path();
        this.format = format;
        this.parser = format.newParser();
        this.writer = new RowWriter(numFields);
        this.partitionValues = partitionValues;
        this.partitionTypes = partitionTypes;
        this.policy = policy;
    }

    @Override
    public int read(RowConsumer out, int maxRows) {
        if (exhausted) {
            return -1;
        }
        int emitted = 0;
        try {
            if (in == null) {
                in = open();
                if (in == null) {
                    return -1; // a missing file, skipped
                }
                if (format.wholeFile()) {
                    exhausted = true;
                    emit(readAll(), out);
                    close();
                    return 1;
                }
            }
            while (emitted < maxRows) {
                String line = format.lineSep() == null ? in.readLine() : readUntil(format.lineSep());
                if (line == null) {
                    exhausted = true;
                    close();
                    return emitted == 0 ? -1 : emitted;
                }
                lineNumber++;
                if (lineNumber <= format.headerLines() || format.skipLine(line)) {
                    continue;
                }
                if (emit(line, out)) {
                    emitted++;
                }
            }
            return emitted;
        } catch (IOException e) {
            close();
            if (!policy.ignoreCorruptFiles()) {
                throw FileReadFailure.unreadableFile(uri, e);
            }
            LOG.log(System.Logger.Level.WARNING, "Skipped the rest of the content in the corrupted file: " + uri, e);
            exhausted = true;
            return emitted == 0 ? -1 : emitted;
        }
    }

    /** The file, decoding bad bytes as U+FFFD (InputStreamReader's default, where Files.newBufferedReader throws); null if it is missing and may be skipped. */
    private BufferedReader open() throws IOException {
        try {
            return new BufferedReader(new InputStreamReader(Files.newInputStream(Path.of(URI.create(uri))), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            if (!policy.ignoreMissingFiles()) {
                throw FileReadFailure.missingFile(uri, e);
            }
            LOG.log(System.Logger.Level.WARNING, "Skipped missing file: " + uri);
            exhausted = true;
            return null;
        }
    }

    private boolean emit(String record, RowConsumer out) {
        writer.wrap(scratch.buffer(), 0, scratch);
        boolean keep;
        try {
            keep = parser.parse(record, writer);
        } catch (BadRecordException e) {
            close();
            throw FileReadFailure.malformedRecord(uri, e);
        }
        if (keep) {
            int first = writer.numFields() - partitionValues.length;
            for (int i = 0; i < partitionValues.length; i++) {
                RowConverter.writeValue(partitionValues[i], partitionTypes[i], writer, first + i);
            }
            out.accept(scratch.buffer(), 0, writer.finish());
        }
        return keep;
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
    public void close() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only file: nothing was lost
            }
            in = null;
        }
    }
}
