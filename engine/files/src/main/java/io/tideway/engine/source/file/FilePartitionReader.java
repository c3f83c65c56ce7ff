package io.tideway.engine.source.file;

import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.sql.types.DataType;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.offheap.row.GrowableBuffer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one admitted file: opens it with its format on the first {@link #read}, writes each row
 * into a reused scratch buffer, appends the file's partition values and hands it to the consumer,
 * and closes the file when exhausted. A FAILFAST parse error becomes Spark's
 * {@code FAILED_READ_FILE} chain ({@link FileReadFailure}); a file deleted since it was admitted,
 * or one that fails to read, fails naming it, or with {@link FileReadPolicy}'s options is skipped
 * (the rest of it, for a read that fails part way) with a warning.
 *
 * <p>Threading: owned by one worker thread.
 */
final class FilePartitionReader implements PartitionReader {
    private static final Logger LOG = LoggerFactory.getLogger(FilePartitionReader.class);
    private final String uri;
    private final FileReadFormat format;
    private final RowWriter writer;
    /** The file's partition column values, written after the data columns of every row. */
    private final Object[] partitionValues;
    private final DataType[] partitionTypes;
    private final FileReadPolicy policy;
    private final GrowableBuffer scratch = new GrowableBuffer(256);
    private FileRowReader in;
    private boolean exhausted;
    /** The file's size once open: its one block's length for input_file_block_length(). */
    private long length = -1;
    /** The file's path as Hadoop prints it, last path segment and modification time (microseconds), for {@code _metadata}. */
    private String hadoopPath;
    private String name;
    private long modificationMicros = -1;
    /** The number of the file's rows handed on so far: the next row's {@code _metadata.row_index}. */
    private long rowsHandedOn;

    FilePartitionReader(FileInputPartition partition, FileReadFormat format, int numFields, Object[] partitionValues,
                        DataType[] partitionTypes, FileReadPolicy policy) {
        this.uri = partition.path();
        this.format = format;
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
                Path file = Path.of(URI.create(uri));
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                length = attrs.size();
                modificationMicros = attrs.lastModifiedTime().to(TimeUnit.MILLISECONDS) * 1000L; // Hadoop's millisecond times
                name = file.getFileName().toString();
                hadoopPath = uri.startsWith("file:///") ? "file:/" + uri.substring("file:///".length()) : uri;
            }
            // input_file_name(), input_file_block_*() and _metadata of the rows handed on below: the whole file is one block
            io.tideway.engine.expr.fn.InputFileName.set(uri, hadoopPath, name, 0, length, length, modificationMicros);
            while (emitted < maxRows) {
                writer.wrap(scratch.buffer(), 0, scratch);
                int status;
                try {
                    status = in.next(writer);
                } catch (BadRecordException e) {
                    close();
                    throw FileReadFailure.malformedRecord(uri, e);
                }
                if (status == FileRowReader.END) {
                    exhausted = true;
                    close();
                    return emitted == 0 ? -1 : emitted;
                } else if (status == FileRowReader.DROPPED) {
                    continue;
                }
                int first = writer.numFields() - partitionValues.length;
                for (int i = 0; i < partitionValues.length; i++) {
                    RowConverter.writeValue(partitionValues[i], partitionTypes[i], writer, first + i);
                }
                io.tideway.engine.expr.fn.InputFileName.rowIndex(rowsHandedOn++);
                out.accept(scratch.buffer(), 0, writer.finish());
                emitted++;
            }
            return emitted;
        } catch (IOException e) {
            close();
            if (!policy.ignoreCorruptFiles()) {
                throw FileReadFailure.unreadableFile(uri, e);
            }
            LOG.warn("Skipped the rest of the content in the corrupted file: {}", uri, e);
            exhausted = true;
            return emitted == 0 ? -1 : emitted;
        } finally {
            io.tideway.engine.expr.fn.InputFileName.clear();
        }
    }

    /** The file's reader; null if it is missing and may be skipped. */
    private FileRowReader open() throws IOException {
        try {
            return format.open(Path.of(URI.create(uri)));
        } catch (NoSuchFileException e) {
            if (!policy.ignoreMissingFiles()) {
                throw FileReadFailure.missingFile(uri, e);
            }
            LOG.warn("Skipped missing file: {}", uri);
            exhausted = true;
            return null;
        }
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
