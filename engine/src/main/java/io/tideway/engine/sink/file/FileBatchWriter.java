package io.tideway.engine.sink.file;

import io.tideway.engine.datasource.DataSourceErrors;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.Options;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One batch write of a DataFrame to files ({@code df.write().json(path)}), laid out as Spark
 * writes them: {@code part-00000-<job uuid>-c000.<ext>} in the output directory (written even
 * when there are no rows), or with {@code partitionBy} one {@code part-00000-<job uuid>.c000.<ext>}
 * per {@code col=value/} directory holding the other columns; every file of the write shares the
 * job's UUID, and {@link #commit} ends with an empty {@code _SUCCESS}. Each file is written under a
 * hidden name and renamed into place when the write commits ({@link FilePartitionWriter}), so
 * readers never see half a file. The same output formats and options as the streaming file sink.
 *
 * <p>Threading: owned by the thread that runs the write.
 */
public final class FileBatchWriter implements RowConsumer {
    private final Path dir;
    private final FileWriteFormat format;
    private final String jobId = UUID.randomUUID().toString();
    private final StructType dataSchema;
    /** Ordinals of the partition columns, then of the data columns, in the input row. */
    private final int[] partitionOrdinals;
    private final int[] dataOrdinals;
    private final PartitionDirectory directories;
    private final RowConverter input;
    private final GrowableBuffer scratch = new GrowableBuffer(256);
    private final RowWriter dataRow;
    /** Writers by partition directory ("" without partitions), in creation order. */
    private final Map<String, FilePartitionWriter> writers = new LinkedHashMap<>();

    private FileBatchWriter(Path dir, FileWriteFormat format, StructType schema, int[] partitionOrdinals, ZoneId zone) {
        this.dir = dir;
        this.format = format;
        this.partitionOrdinals = partitionOrdinals;
        List<Integer> data = new ArrayList<>();
        String[] names = new String[partitionOrdinals.length];
        for (int i = 0; i < partitionOrdinals.length; i++) {
            names[i] = schema.apply(partitionOrdinals[i]).name();
        }
        StructType ds = new StructType();
        outer:
        for (int i = 0; i < schema.length(); i++) {
            for (int p : partitionOrdinals) {
                if (p == i) {
                    continue outer;
                }
            }
            data.add(i);
            ds = ds.add(schema.apply(i));
        }
        this.dataOrdinals = data.stream().mapToInt(Integer::intValue).toArray();
        this.dataSchema = ds;
        this.directories = new PartitionDirectory(names, zone);
        this.input = new RowConverter(schema);
        this.dataRow = new RowWriter(dataOrdinals.length);
        if (partitionOrdinals.length == 0) {
            writers.put("", new FilePartitionWriter(dir, fileName("-c000"), true, format, schema.length()));
        }
    }

    /**
     * A write of rows of {@code schema} into {@code dir} in {@code provider}'s format. Checks, in
     * Spark's words, that every {@code partitionBy} column exists and that some column is left,
     * then that the format can write the other columns.
     */
    public static FileBatchWriter open(FileSinkProvider provider, Path dir, StructType schema, Options options,
                                       List<String> partitionBy, ZoneId zone, Map<String, String> sessionConf) {
        int[] ordinals = new int[partitionBy.size()];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = ordinal(schema, partitionBy.get(i));
        }
        if (ordinals.length > 0 && ordinals.length >= schema.length()) {
            throw DataSourceErrors.allPartitionColumns();
        }
        StructType data = new StructType();
        for (int i = 0; i < schema.length(); i++) {
            int at = i;
            if (java.util.Arrays.stream(ordinals).noneMatch(o -> o == at)) {
                data = data.add(schema.apply(i));
            }
        }
        FileWriteFormat format = provider.format(data, options, sessionConf);
        format.checkSchema();
        return new FileBatchWriter(dir, format, schema, ordinals, zone);
    }

    private static int ordinal(StructType schema, String name) {
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw DataSourceErrors.partitionColumnNotFound(name, schema);
    }

    private String fileName(String copy) {
        return "part-00000-" + jobId + copy + "." + format.extension();
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        if (partitionOrdinals.length == 0) {
            writers.get("").accept(buffer, offset, length);
            return;
        }
        Row row = input.toRow(buffer, offset, length);
        Object[] values = new Object[partitionOrdinals.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(partitionOrdinals[i]);
        }
        String sub = directories.of(values);
        FilePartitionWriter w = writers.computeIfAbsent(sub,
                s -> new FilePartitionWriter(dir.resolve(s), fileName(".c000"), false, format, dataOrdinals.length));
        dataRow.wrap(scratch.buffer(), 0, scratch);
        for (int i = 0; i < dataOrdinals.length; i++) {
            DataType t = dataSchema.apply(i).dataType();
            RowConverter.writeValue(row.get(dataOrdinals[i]), t, dataRow, i);
        }
        w.accept(scratch.buffer(), 0, dataRow.finish());
    }

    /** Renames every file into place, then writes {@code _SUCCESS}. */
    public void commit() {
        for (FilePartitionWriter w : writers.values()) {
            w.commit();
        }
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("_SUCCESS"), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + dir.resolve("_SUCCESS") + ": " + e, e);
        } finally {
            scratch.close();
        }
    }

    /** Deletes the files not yet renamed into place. */
    public void abort() {
        try {
            for (FilePartitionWriter w : writers.values()) {
                w.abort();
            }
        } finally {
            scratch.close();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FileBatchWriter[%s, job %s]", dir, jobId);
    }
}
