package io.tideway.engine.sink.file;

import io.tideway.checkpoint.FileSinkEntry;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one task's rows into {@code col=value/} directories ({@link PartitionDirectory}), one
 * file named {@code fileName} per directory the rows reach, holding the data columns only; as
 * Spark's dynamic partition writer, a task without rows writes no file. Used by the batch writer
 * ({@code df.write().partitionBy}) and the streaming file sink alike; each file is renamed into
 * place on {@link #commit} ({@link FilePartitionWriter}).
 *
 * <p>Threading: owned by one worker thread.
 */
final class PartitionedFileWriter implements PartitionWriter {
    private final Path dir;
    private final String fileName;
    private final FileWriteFormat format;
    private final OutputPartitioning partitioning;
    private final PartitionDirectory directories;
    private final RowConverter input;
    private final GrowableBuffer scratch = new GrowableBuffer(256);
    private final RowWriter dataRow;
    /** Writers by partition directory, in creation order. */
    private final Map<String, FilePartitionWriter> writers = new LinkedHashMap<>();

    PartitionedFileWriter(Path dir, String fileName, FileWriteFormat format, OutputPartitioning partitioning, ZoneId zone) {
        this.dir = dir;
        this.fileName = fileName;
        this.format = format;
        this.partitioning = partitioning;
        this.directories = new PartitionDirectory(partitioning.names(), zone);
        this.input = new RowConverter(partitioning.schema());
        this.dataRow = new RowWriter(partitioning.dataOrdinals().length);
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        Row row = input.toRow(buffer, offset, length);
        int[] ordinals = partitioning.partitionOrdinals();
        Object[] values = new Object[ordinals.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(ordinals[i]);
        }
        FilePartitionWriter w = writers.computeIfAbsent(directories.of(values),
                sub -> new FilePartitionWriter(dir.resolve(sub), fileName, false, format, dataRow.numFields()));
        dataRow.wrap(scratch.buffer(), 0, scratch);
        int[] data = partitioning.dataOrdinals();
        for (int i = 0; i < data.length; i++) {
            RowConverter.writeValue(row.get(data[i]), partitioning.dataSchema().apply(i).dataType(), dataRow, i);
        }
        w.accept(scratch.buffer(), 0, dataRow.finish());
    }

    @Override
    public CommitMessage commit() {
        try {
            List<FileSinkEntry> files = new ArrayList<>();
            long rows = 0;
            for (FilePartitionWriter w : writers.values()) {
                WrittenFiles written = (WrittenFiles) w.commit();
                files.addAll(written.files());
                rows += written.rows();
            }
            return new WrittenFiles(files, rows);
        } finally {
            scratch.close();
        }
    }

    @Override
    public void abort() {
        try {
            for (FilePartitionWriter w : writers.values()) {
                w.abort();
            }
        } finally {
            scratch.close();
        }
    }
}
