package io.tideway.checkpoint;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * A metadata log whose entries are lists of JSON records, one per line after {@code v1}, that
 * folds itself up every {@code compactInterval} batches (Spark's {@code CompactibleFileStreamLog}).
 * Batch N is written as {@code N.compact}, holding every entry so far,
 * when {@code (N + 1) % compactInterval == 0}; otherwise as {@code N}, holding only its own
 * entries. Reading everything therefore touches at most {@code compactInterval} files.
 *
 * <p>After each write, when {@link FileLogSettings#deletion()} is on, files older than the
 * earliest compaction still needed to keep {@code minBatchesToRetain} batches are deleted once
 * they are {@code cleanupDelay} old (Spark's {@code deleteExpiredLog}); so a long run keeps about
 * {@code minBatchesToRetain + compactInterval} files instead of every file it ever wrote. The
 * compact interval of an existing log is taken from its {@code .compact} files, as Spark does
 * (SPARK-18187), so a log written with another interval is still read correctly.
 *
 * <p>Threading: as {@link MetadataLog} for reads; compaction reads earlier batches and deletion
 * follows each write, so one writer per log. A reader in another process may see files vanish
 * under it; {@link #allEntries} re-lists and retries then, as Spark's {@code allFiles} does.
 *
 * @param <E> the entry record
 */
public abstract class CompactibleFileLog<E> extends MetadataLog<List<E>> {
    public static final String COMPACT_SUFFIX = ".compact";
    /** Spark's default for both {@code fileSource.log.compactInterval} and {@code fileSink.log.compactInterval}. */
    public static final int DEFAULT_COMPACT_INTERVAL = FileLogSettings.DEFAULT_COMPACT_INTERVAL;
    /** How often a reader re-lists when files it listed were deleted by the writer's cleanup. */
    private static final int READ_ATTEMPTS = 5;

    private final FileLogSettings settings;
    private final int compactInterval;
    private final LongSupplier clock;

    /** A log with Spark's default deletion settings and the given compact interval. */
    protected CompactibleFileLog(Path dir, int compactInterval) {
        this(dir, FileLogSettings.withCompactInterval(checkInterval(compactInterval, dir)), System::currentTimeMillis);
    }

    /**
     * @param clock wall-clock milliseconds, compared with file modification times to apply
     *              {@code cleanupDelay}
     */
    protected CompactibleFileLog(Path dir, FileLogSettings settings, LongSupplier clock) {
        super(dir);
        this.settings = settings;
        this.clock = clock;
        TreeMap<Long, String> files = listing(settings.compactInterval());
        this.compactInterval = deriveCompactInterval(settings.compactInterval(), compactionIdsDescending(files),
                files.isEmpty() ? -1L : files.lastKey());
    }

    private static int checkInterval(int compactInterval, Path dir) {
        if (compactInterval <= 0) {
            throw new IllegalArgumentException("compactInterval must be > 0 but was " + compactInterval + " (log " + dir + ")");
        }
        return compactInterval;
    }

    /** Writes one entry as a JSON object with a fixed field order. */
    protected abstract void writeEntry(E entry, JsonGenerator g) throws IOException;

    /** Decodes one entry; throw {@link IllegalArgumentException} with a detail for bad input. */
    protected abstract E readEntry(JsonNode node);

    /** Reduces the merged history to what readers should see (the sink drops deleted files). */
    protected List<E> compactLogs(List<E> entries) {
        return entries;
    }

    /** The interval in use: the configured one, or the one the existing {@code .compact} files imply. */
    public int compactInterval() {
        return compactInterval;
    }

    public FileLogSettings settings() {
        return settings;
    }

    public boolean isCompactionBatch(long batchId) {
        return (batchId + 1) % compactInterval == 0;
    }

    /**
     * Spark's {@code CompactibleFileStreamLog.deriveCompactInterval}: with two or more
     * {@code .compact} files, the distance between the latest two; with one, the smallest divisor
     * of its batch count that is at least the configured interval. Unlike Spark, a divisor that
     * would make one of the plain files after that compaction a compaction batch is skipped
     * (Spark then fails looking for {@code N.compact}); Spark's choice is kept whenever it works.
     *
     * @param latestBatchId the highest batch id in the log, or -1
     */
    static int deriveCompactInterval(int configured, List<Long> compactionIdsDescending, long latestBatchId) {
        if (compactionIdsDescending.size() >= 2) {
            return (int) (compactionIdsDescending.get(0) - compactionIdsDescending.get(1));
        }
        if (compactionIdsDescending.isEmpty()) {
            return configured;
        }
        long compaction = compactionIdsDescending.get(0);
        long batches = compaction + 1;
        long deltasAfter = Math.max(0, latestBatchId - compaction);
        if (batches <= configured || configured >= batches / 2) {
            return (int) batches;
        }
        for (long i = configured; i <= batches / 2; i++) {
            if (batches % i == 0 && i > deltasAfter) {
                return (int) i;
            }
        }
        return (int) batches;
    }

    static int deriveCompactInterval(int configured, List<Long> compactionIdsDescending) {
        return deriveCompactInterval(configured, compactionIdsDescending, -1);
    }

    private static List<Long> compactionIdsDescending(TreeMap<Long, String> files) {
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<Long, String> f : files.descendingMap().entrySet()) {
            if (f.getValue().endsWith(COMPACT_SUFFIX)) {
                ids.add(f.getKey());
            }
        }
        return ids;
    }

    /**
     * One listing of the log: batch id to file name. Where an id has both a plain and a
     * {@code .compact} file (the interval changed), the name {@code interval} expects wins.
     */
    private TreeMap<Long, String> listing(int interval) {
        TreeMap<Long, String> files = new TreeMap<>();
        for (String name : listNames()) {
            OptionalLong id = parseBatchId(name);
            if (id.isPresent()) {
                long batchId = id.getAsLong();
                boolean expectsCompact = (batchId + 1) % interval == 0;
                String other = files.get(batchId);
                if (other == null || name.endsWith(COMPACT_SUFFIX) == expectsCompact) {
                    files.put(batchId, name);
                }
            }
        }
        return files;
    }

    @Override
    protected Path batchFile(long batchId) {
        String name = Long.toString(batchId);
        return dir().resolve(isCompactionBatch(batchId) ? name + COMPACT_SUFFIX : name);
    }

    @Override
    protected OptionalLong parseBatchId(String fileName) {
        String name = fileName.endsWith(COMPACT_SUFFIX)
                ? fileName.substring(0, fileName.length() - COMPACT_SUFFIX.length()) : fileName;
        return parseDecimal(name);
    }

    /**
     * Stores batch {@code batchId}'s entries; on a compaction batch the file holds all earlier
     * entries too, which requires the previous compaction and every delta since to be present.
     * Then deletes expired files if the settings say so.
     */
    @Override
    protected boolean publishBatch(long batchId, List<E> entries) {
        boolean added;
        if (!isCompactionBatch(batchId) || Files.exists(batchFile(batchId))) {
            added = publish(batchId, entries);
        } else {
            added = publish(batchId, compactLogs(mergeBeforeCompaction(batchId, entries)));
        }
        if (added) {
            afterAdd(batchId, entries);
            if (settings.deletion()) {
                deleteExpired(batchId);
            }
        }
        return added;
    }

    /** Called once batch {@code batchId} is published with its own {@code entries}. */
    protected void afterAdd(long batchId, List<E> entries) {
    }

    private List<E> mergeBeforeCompaction(long batchId, List<E> entries) {
        List<E> all = new ArrayList<>();
        for (long id = Math.max(0, batchId - compactInterval); id < batchId; id++) {
            Path file = batchFile(id);
            if (!Files.exists(file)) {
                throw new CheckpointException(file + " doesn't exist when compacting batch " + batchId
                        + " (compactInterval: " + compactInterval + ")");
            }
            all.addAll(read(file));
        }
        all.addAll(entries);
        return all;
    }

    /**
     * Deletes every log file whose batch id is below the earliest compaction that keeps
     * {@code minBatchesToRetain} batches readable, once it is {@code cleanupDelay} old.
     *
     * @return how many files were deleted
     */
    int deleteExpired(long currentBatchId) {
        long minBatchId = currentBatchId + 1 - settings.minBatchesToRetain();
        if (compactInterval > minBatchId) {
            return 0;
        }
        long minCompactionBatchId = minBatchId - (minBatchId % compactInterval) - 1;
        long expiredBefore = clock.getAsLong() - settings.cleanupDelayMs();
        int deleted = 0;
        for (String name : listNames()) {
            OptionalLong id = parseBatchId(name);
            if (id.isEmpty() || id.getAsLong() >= minCompactionBatchId) {
                continue;
            }
            Path file = dir().resolve(name);
            try {
                if (Files.getLastModifiedTime(file).toMillis() <= expiredBefore && Files.deleteIfExists(file)) {
                    deleted++;
                }
            } catch (NoSuchFileException gone) {
                // deleted by another cleanup between the listing and now
            } catch (IOException e) {
                throw new CheckpointException("Failed to delete expired log file " + file + ": " + e, e);
            }
        }
        return deleted;
    }

    /**
     * Every entry up to the latest batch: the latest {@code .compact} file plus the deltas after
     * it. If the writer's cleanup deletes a file between the listing and the read, the directory
     * is listed again (Spark's {@code allFiles} does the same by jumping to the next compaction).
     */
    public List<E> allEntries() {
        for (int attempt = 1; ; attempt++) {
            try {
                return compactLogs(readLatestCompactionAndDeltas());
            } catch (VanishedFileException e) {
                if (attempt >= READ_ATTEMPTS) {
                    // Not a cleanup race: the file is missing from a log that should hold it.
                    throw new CheckpointException(e.file + " doesn't exist (latestId: " + e.latestId
                            + ", compactInterval: " + compactInterval + ")");
                }
            }
        }
    }

    /**
     * Reads by the names one listing shows rather than by the compact interval's arithmetic,
     * so a reader whose derived interval differs from the writer's still reads the right files.
     */
    private List<E> readLatestCompactionAndDeltas() {
        TreeMap<Long, String> files = listing(compactInterval);
        if (files.isEmpty()) {
            return List.of();
        }
        long latestId = files.lastKey();
        long first = 0;
        for (Map.Entry<Long, String> f : files.descendingMap().entrySet()) {
            if (f.getValue().endsWith(COMPACT_SUFFIX)) {
                first = f.getKey();
                break;
            }
        }
        List<E> all = new ArrayList<>();
        for (long id = first; id <= latestId; id++) {
            String name = files.get(id);
            Path file = dir().resolve(name == null ? Long.toString(id) : name);
            if (name == null) {
                throw new VanishedFileException(file, latestId);
            }
            try {
                all.addAll(read(file));
            } catch (CheckpointException e) {
                if (e.getCause() instanceof NoSuchFileException) {
                    throw new VanishedFileException(file, latestId);
                }
                throw e;
            }
        }
        return all;
    }

    /** Spark's {@code purge} on these logs: unsupported, they maintain their own files. */
    @Override
    public void purge(long thresholdId) {
        throw new UnsupportedOperationException("Cannot purge as it might break internal state.");
    }

    private List<String> listNames() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir())) {
            files.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new CheckpointException("Failed to list log directory " + dir() + ": " + e, e);
        }
        return names;
    }

    /** A file the listing named was deleted before it could be read. */
    private static final class VanishedFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Path file;
        final long latestId;

        VanishedFileException(Path file, long latestId) {
            super(file.toString(), null, false, false);
            this.file = file;
            this.latestId = latestId;
        }
    }

    @Override
    protected void serialize(List<E> entries, StringBuilder out) {
        out.append('v').append(VERSION);
        for (E e : entries) {
            out.append('\n').append(Json.write(g -> writeEntry(e, g)));
        }
    }

    @Override
    protected List<E> deserialize(String text, Path file) {
        LogText log = LogText.parse(text, file);
        log.validateVersion(VERSION);
        List<E> entries = new ArrayList<>(log.lineCount());
        for (int i = 1; i < log.lineCount(); i++) {
            String line = log.line(i);
            JsonNode node = Json.object(Json.read(line, log, "entry"), log, "entry on line " + (i + 1));
            try {
                entries.add(readEntry(node));
            } catch (IllegalArgumentException e) {
                throw log.fail("Invalid entry on line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    static String requiredText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string in " + node);
        }
        return v.textValue();
    }

    static long requiredLong(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a long in " + node);
        }
        return v.longValue();
    }
}
