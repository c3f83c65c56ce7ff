package io.tideway.engine.sink.file;

import io.tideway.checkpoint.FileLogSettings;
import io.tideway.checkpoint.FileSinkEntry;
import io.tideway.checkpoint.FileSinkLog;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exactly-once file sink (Spark's {@code FileStreamSink}): writers put part
 * files in the output directory (or, with {@code partitionBy}, in its {@code col=value/}
 * directories), and {@link #commit} names them in
 * {@code <out>/_spark_metadata/<batchId>}. A batch id at or below the latest logged one was
 * already committed by an earlier run, so it is skipped ({@code Skipping already committed batch
 * N}) and the files its re-run wrote are deleted. Readers that go through the log
 * ({@link FileSinkReader}) therefore see every row once. Files of an attempt that crashed before
 * its commit stay in the directory, unlisted, as in Spark.
 *
 * <p>Threading: {@link #createWriter} on worker threads (touches only immutable state);
 * {@link #commit} and {@link #abort} on the query thread only.
 */
public final class FileStreamSink implements StreamSink {
    private static final Logger LOG = LoggerFactory.getLogger(FileStreamSink.class);

    private final Path outputDir;
    private final FileWriteFormat format;
    private final OutputPartitioning partitioning;
    /** The zone partition directories print timestamps in (the session's). */
    private final ZoneId zone;
    private final FileSinkLog log;

    /** @param logSettings Spark's {@code spark.sql.streaming.fileSink.log.*} settings, bounding {@code _spark_metadata/} */
    FileStreamSink(Path outputDir, FileWriteFormat format, OutputPartitioning partitioning, ZoneId zone,
                   FileLogSettings logSettings) {
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.format = format;
        this.partitioning = partitioning;
        this.zone = zone;
        this.log = FileSinkLog.forOutputDir(this.outputDir, logSettings);
    }

    @Override
    public String description() {
        return "FileSink[file:" + outputDir + "]"; // Spark prints the qualified Hadoop path
    }

    /** Spark reports -1: {@code FileStreamSink} is a V1 {@code Sink}, whose written rows progress does not count. */
    @Override
    public boolean reportsNumOutputRows() {
        return false;
    }

    @Override
    public PartitionWriter createWriter(int partition, long batchId) {
        format.checkSchema();
        if (partitioning.isPartitioned()) {
            // Spark names a task's files in partition directories part-<task>-<job uuid>.c000.<ext>
            String name = String.format(java.util.Locale.ROOT, "part-%05d-%s.c000.%s", partition, UUID.randomUUID(),
                    format.extension());
            return new PartitionedFileWriter(outputDir, name, format, partitioning, zone);
        }
        return new FilePartitionWriter(outputDir, partition, format, partitioning.schema().length());
    }

    @Override
    public void commit(long batchId, List<CommitMessage> messages) {
        OptionalLong latest = log.latestBatchId();
        if (latest.isPresent() && batchId <= latest.getAsLong()) {
            LOG.info("Skipping already committed batch {}", batchId);
            delete(messages);
            return;
        }
        List<FileSinkEntry> files = new ArrayList<>();
        for (CommitMessage m : messages) {
            files.addAll(((WrittenFiles) m).files());
        }
        log.write(batchId, files); // another writer's _spark_metadata/N: [CONCURRENT_STREAM_LOG_UPDATE]
    }

    @Override
    public void abort(long batchId, List<CommitMessage> messages) {
        delete(messages);
    }

    /** The latest committed batch id, if any. */
    public OptionalLong latestCommittedBatchId() {
        return log.latestBatchId();
    }

    private static void delete(List<CommitMessage> messages) {
        for (CommitMessage m : messages) {
            if (m instanceof WrittenFiles w) {
                for (FileSinkEntry f : w.files()) {
                    Path p = Path.of(URI.create(f.path()));
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Failed to delete " + p + ": " + e, e);
                    }
                }
            }
        }
    }
}
