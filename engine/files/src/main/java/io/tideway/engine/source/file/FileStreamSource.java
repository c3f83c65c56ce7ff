package io.tideway.engine.source.file;

import io.tideway.checkpoint.FileLogSettings;
import io.tideway.checkpoint.FileSourceEntry;
import io.tideway.checkpoint.FileSourceLog;
import io.tideway.checkpoint.LogEntry;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.StreamSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Streams the files that appear under a path, each exactly once (Spark's {@code FileStreamSource}).
 * {@link #latestOffset} lists the path (only the files a file sink's log committed when the path
 * is a sink's output: {@link SourceFileIndex}), admits unseen files in
 * modification-time order (newest first with {@code latestFirst}), at most
 * {@code maxFilesPerTrigger} unless the limit is {@link ReadLimit#ALL_AVAILABLE}, and records
 * them as log entry N in {@code sources/<i>/N} before returning {@code {"logOffset":N}}. A batch
 * (start, end] reads exactly the files of entries start+1..end, asked of the log
 * ({@link FileSourceLog#getRange}, which keeps only a few recent batches in memory), so a re-run
 * batch after a crash reads the same files and memory does not grow with every batch; on
 * restart the seen-files set is rebuilt from the log. The log is bounded on disk by Spark's
 * {@code spark.sql.streaming.fileSource.log.*} settings ({@link FileLogSettings#fileSource}). With
 * {@code cleanSource}, the files of each committed batch are archived or deleted ({@link SourceFileCleaner}).
 *
 * <p>Threading: planning methods run on the query thread only and own every mutable field;
 * {@link #createReader} runs on worker threads and touches only immutable state.
 */
public final class FileStreamSource implements StreamSource {

    private final FileSourceOptions options;
    private final FileLister lister;
    /** The lister's files, or a sink's committed files when the path is a sink's output. Query thread only. */
    private final SourceFileIndex index;
    private final FileReadFormat format;
    private final PartitionColumns partitions;
    private final int numFields;
    private final FileSourceLog log;
    private final String description;
    private final FileReadPolicy readPolicy;
    /** Query thread only. */
    private final SeenFilesMap seen;
    /** What {@code cleanSource} does with a committed batch's files; null for nothing. */
    private final SourceFileCleaner cleaner;
    /** The newest log entry whose files were cleaned; -1 before any. Query thread only. */
    private long lastCleanedLogOffset = -1;
    /** Latest log offset written; -1 before the first. Query thread only. */
    private long currentLogOffset;
    /** Files that {@code Trigger.AvailableNow} may still admit, or null. Query thread only. */
    private Set<String> availableNow;

    FileStreamSource(SourceContext context, FileSourceOptions options, FileLister lister, FileReadFormat format,
                     PartitionColumns partitions) {
        this.options = options;
        this.lister = lister;
        this.cleaner = SourceFileCleaner.of(options);
        this.index = new SourceFileIndex(lister, cleaner != null);
        this.format = format;
        this.partitions = partitions;
        this.numFields = context.schema().length();
        this.readPolicy = FileReadPolicy.of(context.options(), context.conf());
        this.log = new FileSourceLog(context.metadataDir(), FileLogSettings.fileSource(context.conf()));
        this.description = "FileStreamSource[file:" + java.nio.file.Path.of(options.path().replaceFirst("^file:(//)?", ""))
                .toAbsolutePath().normalize() + "]";
        this.seen = new SeenFilesMap(options.maxFileAgeMs(), options.fileNameOnly());
        restore();
    }

    private void restore() {
        for (FileSourceEntry e : log.restore()) {
            seen.add(e.path(), e.timestamp());
        }
        seen.purge();
        currentLogOffset = log.latestBatchId().orElse(-1L);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Offset latestOffset(Offset start, ReadLimit limit) {
        int max = limit == ReadLimit.ALL_AVAILABLE || options.maxFilesPerTrigger() == 0
                ? Integer.MAX_VALUE : options.maxFilesPerTrigger();
        List<FileSourceEntry> batch = new ArrayList<>();
        long next = currentLogOffset + 1;
        for (FileLister.ListedFile f : index.list(options.latestFirst())) {
            if (batch.size() >= max) {
                break;
            }
            if ((availableNow == null || availableNow.contains(f.uri())) && seen.isNewFile(f.uri(), f.modificationTime())) {
                seen.add(f.uri(), f.modificationTime());
                batch.add(new FileSourceEntry(f.uri(), f.modificationTime(), next));
            }
        }
        seen.purge();
        if (!batch.isEmpty()) {
            log.write(next, batch); // an existing sources/<i>/N: [CONCURRENT_STREAM_LOG_UPDATE]
            currentLogOffset = next;
        }
        return currentLogOffset < 0 ? null : new FileStreamSourceOffset(currentLogOffset);
    }

    @Override
    public Offset deserializeOffset(String json) {
        return FileStreamSourceOffset.parse(json);
    }

    @Override
    public List<InputPartition> planPartitions(Offset start, Offset end) {
        long from = start == null ? -1 : logOffset(start);
        long to = logOffset(end);
        if (to > currentLogOffset) {
            restore(); // another instance wrote the log
        }
        List<InputPartition> partitions = new ArrayList<>();
        if (to <= from) {
            return partitions;
        }
        for (LogEntry<List<FileSourceEntry>> batch : log.getRange(from + 1, to)) {
            for (FileSourceEntry f : batch.value()) {
                partitions.add(new FileInputPartition(partitions.size(), f.path()));
            }
        }
        return partitions;
    }

    /**
     * The batch ending at {@code end} is durable (the executor calls this once the next batch's
     * offsets are written, as Spark does): the files of the log entry {@code end} names are cleaned,
     * once (a batch without data commits the same offset again).
     */
    @Override
    public void commit(Offset end) {
        long n = logOffset(end);
        if (cleaner == null || n <= lastCleanedLogOffset) {
            return;
        }
        lastCleanedLogOffset = n;
        for (LogEntry<List<FileSourceEntry>> batch : log.getRange(n, n)) {
            for (FileSourceEntry f : batch.value()) {
                cleaner.clean(f.path());
            }
        }
    }

    private static long logOffset(Offset o) {
        return o instanceof FileStreamSourceOffset f ? f.logOffset() : FileStreamSourceOffset.parse(o.json()).logOffset();
    }

    @Override
    public PartitionReader createReader(InputPartition partition) {
        FileInputPartition p = (FileInputPartition) partition;
        Object[] values = partitions.values(lister.rootOf(p.file()), p.file());
        return new FilePartitionReader(p, format, numFields, values, partitions.types(), readPolicy);
    }

    /** Fixes the files AvailableNow may read to those listed now (Spark 3.3+). */
    @Override
    public void prepareForTriggerAvailableNow() {
        Set<String> now = new HashSet<>();
        for (FileLister.ListedFile f : index.list(false)) {
            now.add(f.uri());
        }
        availableNow = now;
    }

    /** The source's log (for tests: what is on disk and what it caches). */
    FileSourceLog log() {
        return log;
    }
}
