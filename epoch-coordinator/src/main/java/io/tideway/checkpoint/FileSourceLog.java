package io.tideway.checkpoint;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The file source's log in {@code sources/<i>/} (Spark's {@code FileStreamSourceLog}):
 * entry N lists the files admitted at {@code logOffset} N.
 *
 * <p>A source need not keep every batch's files in memory: {@link #getRange} answers "which files
 * did log offsets a..b admit" from a small cache of the latest batches, their own files, or,
 * once cleanup deleted those, the latest compaction (Spark's {@code FileStreamSourceLog.get}).
 *
 * <p>Threading: as {@link CompactibleFileLog}; written and read by the source's owning thread
 * (the batch cache is not shared).
 */
public final class FileSourceLog extends CompactibleFileLog<FileSourceEntry> {
    /** Batches of the latest compaction a restarted source is likely to re-plan (Spark's constant). */
    static final int PREV_NUM_BATCHES_TO_READ_IN_RESTORE = 2;

    /** Each recent batch's own entries, at most {@code compactInterval} batches; owner thread only. */
    private final Map<Long, List<FileSourceEntry>> recentBatches;

    public FileSourceLog(Path dir, FileLogSettings settings, LongSupplier clock) {
        super(dir, settings, clock);
        int cacheSize = compactInterval();
        this.recentBatches = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, List<FileSourceEntry>> eldest) {
                return size() > cacheSize;
            }
        };
    }

    public FileSourceLog(Path dir, FileLogSettings settings) {
        this(dir, settings, System::currentTimeMillis);
    }

    public FileSourceLog(Path dir, int compactInterval) {
        this(dir, FileLogSettings.withCompactInterval(compactInterval));
    }

    public FileSourceLog(Path dir) {
        this(dir, FileLogSettings.DEFAULTS);
    }

    @Override
    protected void afterAdd(long batchId, List<FileSourceEntry> entries) {
        recentBatches.put(batchId, List.copyOf(entries));
    }

    /**
     * Every file the log holds (Spark's {@code restore}), remembering the latest compaction's own
     * entries when a restart is likely to re-plan it.
     */
    public List<FileSourceEntry> restore() {
        List<FileSourceEntry> all = allEntries();
        if (!all.isEmpty()) {
            long latest = all.get(all.size() - 1).batchId();
            long latestCompaction = Math.max(0, (latest + 1) / compactInterval() * compactInterval() - 1);
            if (latest - latestCompaction < PREV_NUM_BATCHES_TO_READ_IN_RESTORE) {
                List<FileSourceEntry> own = new ArrayList<>();
                for (FileSourceEntry e : all) {
                    if (e.batchId() == latestCompaction) {
                        own.add(e);
                    }
                }
                recentBatches.put(latestCompaction, List.copyOf(own));
            }
        }
        return all;
    }

    /**
     * The files admitted at each log offset {@code startId..endId} (inclusive), in order. Each
     * batch comes from the cache, from its own file (a {@code .compact} file filtered to the
     * batch), or, when cleanup already deleted that file, from the latest compaction.
     *
     * @throws CheckpointException naming the missing ids ({@code batches (3, 4) don't exist})
     *         if some batch is in none of those places
     */
    @Override
    public List<LogEntry<List<FileSourceEntry>>> getRange(long startId, long endId) {
        List<LogEntry<List<FileSourceEntry>>> out = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        for (long id = startId; id <= endId; id++) {
            List<FileSourceEntry> cached = recentBatches.get(id);
            if (cached != null) {
                out.add(new LogEntry<>(id, cached));
                continue;
            }
            long batchId = id;
            Optional<List<FileSourceEntry>> own = get(id).map(all -> ofBatch(all, batchId));
            if (own.isPresent()) {
                out.add(new LogEntry<>(id, own.get()));
            } else {
                removed.add(id);
            }
        }
        if (!removed.isEmpty()) {
            Map<Long, List<FileSourceEntry>> fromCompaction = byBatchFromLatestCompaction();
            List<Long> missing = new ArrayList<>();
            for (long id : removed) {
                List<FileSourceEntry> files = fromCompaction.get(id);
                if (files == null) {
                    missing.add(id);
                } else {
                    out.add(new LogEntry<>(id, files));
                }
            }
            if (!missing.isEmpty()) {
                String ids = missing.toString().replace('[', '(').replace(']', ')');
                throw new CheckpointException("batches " + ids + " don't exist (startId: " + startId + ", endId: "
                        + endId + ") in " + dir());
            }
            out.sort((a, b) -> Long.compare(a.batchId(), b.batchId()));
        }
        return out;
    }

    private static List<FileSourceEntry> ofBatch(List<FileSourceEntry> all, long batchId) {
        List<FileSourceEntry> own = new ArrayList<>();
        for (FileSourceEntry e : all) {
            if (e.batchId() == batchId) {
                own.add(e);
            }
        }
        return own;
    }

    private Map<Long, List<FileSourceEntry>> byBatchFromLatestCompaction() {
        Map<Long, List<FileSourceEntry>> byBatch = new HashMap<>();
        long latest = latestBatchId().orElse(-1L);
        if (latest < 0) {
            return byBatch;
        }
        long compaction = Math.max(0, (latest + 1) / compactInterval() * compactInterval() - 1);
        Path file = batchFile(compaction);
        if (Files.exists(file)) {
            for (FileSourceEntry e : read(file)) {
                byBatch.computeIfAbsent(e.batchId(), k -> new ArrayList<>()).add(e);
            }
        }
        return byBatch;
    }

    @Override
    protected void writeEntry(FileSourceEntry e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", e.path());
        g.writeNumberField("timestamp", e.timestamp());
        g.writeNumberField("batchId", e.batchId());
        g.writeEndObject();
    }

    @Override
    protected FileSourceEntry readEntry(JsonNode node) {
        return new FileSourceEntry(requiredText(node, "path"), requiredLong(node, "timestamp"),
                requiredLong(node, "batchId"));
    }
}
