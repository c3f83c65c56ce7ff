package io.tideway.engine.sink.file;

import io.tideway.engine.spi.BatchFileWrite;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One batch write of a DataFrame to files ({@code df.write().json(path)}), laid out as Spark
 * writes them: {@code part-00000-<job uuid>-c000.<ext>} in the output directory (written even
 * when there are no rows), or with {@code partitionBy} one {@code part-00000-<job uuid>.c000.<ext>}
 * per {@code col=value/} directory holding the other columns ({@link PartitionedFileWriter});
 * every file of the write shares the job's UUID, and {@link #commit} ends with an empty
 * {@code _SUCCESS}. Each file is written under a hidden name and renamed into place when the write
 * commits ({@link FilePartitionWriter}), so readers never see half a file. The same output formats
 * and options as the streaming file sink.
 *
 * <p>Threading: owned by the thread that runs the write.
 */
public final class FileBatchWriter implements BatchFileWrite {
    private final Path dir;
    private final String jobId = UUID.randomUUID().toString();
    private final PartitionWriter target;

    private FileBatchWriter(Path dir, FileWriteFormat format, OutputPartitioning partitioning, ZoneId zone) {
        this.dir = dir;
        this.target = partitioning.isPartitioned()
                ? new PartitionedFileWriter(dir, "part-00000-" + jobId + ".c000." + format.extension(), format, partitioning, zone)
                : new FilePartitionWriter(dir, "part-00000-" + jobId + "-c000." + format.extension(), true, format,
                partitioning.schema().length());
    }

    /**
     * A write of rows of {@code schema} into {@code dir} in {@code provider}'s format. Checks, in
     * Spark's words, that every {@code partitionBy} column exists and that some column is left,
     * then that the format can write the other columns.
     */
    public static FileBatchWriter open(FileSinkProvider provider, Path dir, StructType schema, Options options,
                                       List<String> partitionBy, ZoneId zone, Map<String, String> sessionConf) {
        OutputPartitioning partitioning = OutputPartitioning.of(schema, partitionBy);
        FileWriteFormat format = provider.format(partitioning.dataSchema(), options, sessionConf);
        format.checkSchema();
        return new FileBatchWriter(dir, format, partitioning, zone);
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        target.accept(buffer, offset, length);
    }

    /** Renames every file into place, then writes {@code _SUCCESS}. */
    @Override
    public void commit() {
        target.commit();
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("_SUCCESS"), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + dir.resolve("_SUCCESS") + ": " + e, e);
        }
    }

    /** Deletes the files not yet renamed into place. */
    @Override
    public void abort() {
        target.abort();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FileBatchWriter[%s, job %s]", dir, jobId);
    }
}
