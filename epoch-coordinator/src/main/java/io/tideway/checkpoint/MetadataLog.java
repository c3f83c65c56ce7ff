package io.tideway.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A write-once log of one file per batch id, with Spark's {@code HDFSMetadataLog} semantics
 *: files are named by the decimal batch id, appear atomically, are never
 * overwritten, and the latest entry is found by listing the directory.
 *
 * <p>Opening a log removes the temp files a killed writer left in its directory
 * ({@link StaleTempFiles}).
 *
 * <p>Threading: no mutable state beyond the directory itself, so any thread may call any method.
 * Correctness across writers comes from the file system: {@link #add} publishes with a
 * non-overwriting atomic link, so of two concurrent writers of one id exactly one sees true.
 * The engine keeps one writer per log (the query's coordinator thread) and treats false as
 * "another query is using this checkpoint".
 *
 * @param <T> the value stored per batch
 */
public abstract class MetadataLog<T> {
    /** Highest {@code v<N>} this build can read and the version it writes. */
    public static final int VERSION = 1;

    private final Path dir;
    /** Whether each file is forced to disk before its name is published (see {@link AtomicFiles#publishText}). */
    private final boolean sync;

    protected MetadataLog(Path dir) {
        this(dir, true);
    }

    /** @param sync force each file to disk before publishing it: it then survives an OS crash, not only a process crash */
    protected MetadataLog(Path dir, boolean sync) {
        this.dir = dir.toAbsolutePath();
        this.sync = sync;
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new CheckpointException("Failed to create log directory " + this.dir + ": " + e, e);
        }
        StaleTempFiles.removeIn(this.dir);
    }

    /** Appends {@code value} in this log's text format, starting with the version line. */
    protected abstract void serialize(T value, StringBuilder out);

    /** Parses the full text of {@code file}; failures must be {@link CheckpointException}s naming it. */
    protected abstract T deserialize(String text, Path file);

    /** The directory holding this log. */
    public Path dir() {
        return dir;
    }

    /** The file that holds (or would hold) {@code batchId}. Overridden by compactible logs. */
    protected Path batchFile(long batchId) {
        return dir.resolve(Long.toString(batchId));
    }

    /** The batch id a file name stands for, or empty for anything that is not a log entry. */
    protected OptionalLong parseBatchId(String fileName) {
        return parseDecimal(fileName);
    }

    static OptionalLong parseDecimal(String s) {
        // Long.parseLong accepts '+'; Spark's toLong does too, but a leading sign is never written.
        if (s.isEmpty() || s.length() > 19) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Stores {@code value} as batch {@code batchId} (Spark's {@code HDFSMetadataLog.add}). The
     * checkpoint's own logs ({@link OffsetSeqLog}, {@link CommitLog}) override this to fail like
     * {@link #write}; source-private logs keep it, for "first writer wins" values.
     *
     * @return false, leaving the existing file untouched, if the batch was already written
     */
    public boolean add(long batchId, T value) {
        return publishBatch(batchId, value);
    }

    /**
     * Stores {@code value} as batch {@code batchId}, failing if that batch was already written.
     *
     * @throws ConcurrentLogUpdateException (Spark's {@code CONCURRENT_STREAM_LOG_UPDATE}) naming
     *         the existing file, which is left untouched
     */
    public void write(long batchId, T value) {
        if (!publishBatch(batchId, value)) {
            throw new ConcurrentLogUpdateException(batchId, batchFile(batchId));
        }
    }

    /**
     * What {@link #add} and {@link #write} do: publish the batch file, false if it exists.
     * Compactible logs override it to compact and clean up around the publish.
     */
    protected boolean publishBatch(long batchId, T value) {
        return publish(batchId, value);
    }

    /** Publishes one batch file atomically; false if it already exists. */
    protected final boolean publish(long batchId, T value) {
        if (batchId < 0) {
            throw new IllegalArgumentException("batchId must be >= 0 but was " + batchId + " (log " + dir + ")");
        }
        StringBuilder text = new StringBuilder(256);
        serialize(value, text);
        return AtomicFiles.publishText(batchFile(batchId), false, text, sync);
    }

    /** The value of {@code batchId}, or empty if that file does not exist (not yet written). */
    public Optional<T> get(long batchId) {
        Path file = batchFile(batchId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    /** Reads an existing batch file, failing (naming it) if it is unreadable. */
    protected T read(Path file) {
        T value = deserialize(AtomicFiles.readText(file), file);
        if (value == null) {
            throw new CheckpointException("Failed to read log file " + file + ". Deserialized to null.");
        }
        return value;
    }

    /** All batch ids present, ascending. Names that are not a decimal id are ignored. */
    public List<Long> listBatchIds() {
        List<Long> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> parseBatchId(p.getFileName().toString()).ifPresent(ids::add));
        } catch (IOException e) {
            throw new CheckpointException("Failed to list log directory " + dir + ": " + e, e);
        }
        ids.sort(null);
        return ids;
    }

    /** The highest batch id present, if any. */
    public OptionalLong latestBatchId() {
        List<Long> ids = listBatchIds();
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(ids.size() - 1));
    }

    /**
     * The entry with the highest id. If that file cannot be read this fails rather than falling
     * back to an older entry: silently resuming from an older batch would replay or skip data.
     */
    public Optional<LogEntry<T>> getLatest() {
        OptionalLong latest = latestBatchId();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        long id = latest.getAsLong();
        Path file = batchFile(id);
        try {
            return Optional.of(new LogEntry<>(id, read(file)));
        } catch (CheckpointException e) {
            throw new CheckpointException("failed to read log file for batch " + id + " (" + file + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Entries {@code startId..endId} inclusive, which must all exist: a hole means a broken
     * checkpoint, and Spark reports it the same way ({@code batches (3, 4) don't exist}).
     */
    public List<LogEntry<T>> getRange(long startId, long endId) {
        List<LogEntry<T>> out = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (long id = startId; id <= endId; id++) {
            Path file = batchFile(id);
            if (Files.exists(file)) {
                out.add(new LogEntry<>(id, read(file)));
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            String ids = missing.toString().replace('[', '(').replace(']', ')');
            throw new CheckpointException("batches " + ids + " don't exist (startId: " + startId + ", endId: "
                    + endId + ") in " + dir);
        }
        return out;
    }

    /**
     * Deletes every entry with id below {@code thresholdId} (retention), except the
     * newest entry, whatever the threshold: a log purged empty would make a restart take the
     * query for a new one (issue 17: {@code minBatchesToRetain} = 0 lost the batch just written).
     */
    public void purge(long thresholdId) {
        List<Long> ids = listBatchIds();
        if (ids.isEmpty()) {
            return;
        }
        long keepFrom = Math.min(thresholdId, ids.get(ids.size() - 1));
        for (long id : ids) {
            if (id < keepFrom) {
                delete(id);
            }
        }
    }

    /**
     * Deletes entries with ids above {@code lastKeptId}: continuous mode drops the offsets of
     * epochs that never committed before it runs them again (Spark 2.3's {@code purgeAfter}), so a
     * re-run epoch's offsets are written afresh rather than kept from the failed run.
     */
    public void purgeAfter(long lastKeptId) {
        for (long id : listBatchIds()) {
            if (id > lastKeptId) {
                delete(id);
            }
        }
    }

    private void delete(long id) {
        Path file = batchFile(id);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CheckpointException("Failed to delete log file " + file + ": " + e, e);
        }
    }
}
