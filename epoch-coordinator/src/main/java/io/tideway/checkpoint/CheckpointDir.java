package io.tideway.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A handle on one query's checkpoint root: the single entry point through which the
 * engine reaches {@code metadata}, {@code offsets/}, {@code commits/}, {@code sources/<i>/} and
 * {@code state/<op>/<partition>/}.
 *
 * <p>Threading: immutable handle; the logs it returns are safe from any thread (see
 * {@link MetadataLog}). By convention only the query's coordinator thread writes offsets and
 * commits; state directories are written by the task that owns the partition.
 */
public final class CheckpointDir {
    /** Store name whose files live directly in the partition directory. */
    public static final String DEFAULT_STORE = "default";

    private final Path root;
    private final QueryMetadataFile metadata;
    private final OffsetSeqLog offsets;
    private final CommitLog commits;

    private CheckpointDir(Path root, boolean syncLogs) {
        this.root = root;
        this.metadata = new QueryMetadataFile(root.resolve("metadata"));
        this.offsets = new OffsetSeqLog(root.resolve("offsets"), syncLogs);
        this.commits = new CommitLog(root.resolve("commits"), syncLogs);
    }

    /**
     * Opens {@code root}, creating it and the {@code offsets/} and {@code commits/} directories,
     * and removes temp files that killed writers left in the root and in both logs.
     */
    public static CheckpointDir open(Path root) {
        return open(root, true);
    }

    /**
     * As {@link #open(Path)}; {@code syncLogs} says whether the {@code offsets/} and
     * {@code commits/} files, written once per batch or epoch, are forced to disk before they
     * are published.
     */
    public static CheckpointDir open(Path root, boolean syncLogs) {
        Path abs = root.toAbsolutePath();
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            throw new CheckpointException("Failed to create checkpoint directory " + abs + ": " + e, e);
        }
        StaleTempFiles.removeIn(abs); // the metadata file's; each log cleans its own directory
        return new CheckpointDir(abs, syncLogs);
    }

    public Path root() {
        return root;
    }

    /**
     * Takes the checkpoint's advisory lock for a query run (see {@link CheckpointLock}); close it
     * when the run ends.
     *
     * @throws CheckpointException naming the holder's pid and host if another query holds it
     */
    public CheckpointLock lock() {
        return CheckpointLock.acquire(root);
    }

    public Path metadataFile() {
        return metadata.path();
    }

    /**
     * The query id from {@code metadata}, writing {@code fresh} on first start. Refuses a
     * checkpoint that has offsets or commits but no metadata: inventing a new id would silently
     * break sinks that are idempotent per query id (Spark 4.x {@code MISSING_METADATA_FILE}).
     */
    public UUID readOrCreateMetadata(UUID fresh) {
        if (!Files.exists(metadata.path()) && (!offsets.listBatchIds().isEmpty() || !commits.listBatchIds().isEmpty())) {
            throw new CheckpointException("[MISSING_METADATA_FILE] The checkpoint at " + root
                    + " has offsets or commits logs but its metadata file " + metadata.path()
                    + " does not exist. Restore the file or use a new checkpoint location.");
        }
        return metadata.readOrCreate(fresh);
    }

    /** The stored query id as text; fails (naming the file) if {@code metadata} does not exist. */
    public String queryId() {
        return metadata.read().map(UUID::toString).orElseThrow(() -> new CheckpointException(
                "Checkpoint metadata file " + metadata.path() + " does not exist"));
    }

    public OffsetSeqLog offsets() {
        return offsets;
    }

    public CommitLog commits() {
        return commits;
    }

    /** {@code sources/<i>}: the private directory of the i-th source in plan order. */
    public Path sourceDir(int sourceIndex) {
        return root.resolve("sources").resolve(Integer.toString(sourceIndex));
    }

    /** A plain value log in {@code sources/<i>} (e.g. the rate source's creation time). */
    public SourceMetadataLog sourceMetadataLog(int sourceIndex) {
        return new SourceMetadataLog(sourceDir(sourceIndex));
    }

    /** The file source's compactible log in {@code sources/<i>}. */
    public FileSourceLog fileSourceLog(int sourceIndex, int compactInterval) {
        return new FileSourceLog(sourceDir(sourceIndex), compactInterval);
    }

    /** {@code state/<op>/<partition>}, the directory of the operator's default store. */
    public Path stateDir(int operatorId, int partition) {
        return root.resolve("state").resolve(Integer.toString(operatorId)).resolve(Integer.toString(partition));
    }

    /** {@code state/<op>/<partition>/<storeName>}, or the default directory for {@value #DEFAULT_STORE}. */
    public Path stateDir(int operatorId, int partition, String storeName) {
        Path dir = stateDir(operatorId, partition);
        return DEFAULT_STORE.equals(storeName) ? dir : dir.resolve(storeName);
    }

    /** {@code state/<op>/_metadata/schema}: what operator {@code operatorId}'s state holds. */
    public StateSchemaFile stateSchemaFile(int operatorId) {
        return new StateSchemaFile(root.resolve("state").resolve(Integer.toString(operatorId))
                .resolve(StateSchemaFile.METADATA_DIR).resolve(StateSchemaFile.FILE_NAME));
    }

    /**
     * The operator ids under {@code state/} that have a schema file, ascending: the stateful
     * operators of the query that wrote the checkpoint.
     */
    public java.util.List<Integer> operatorsWithStateSchema() {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> dirs = Files.list(root.resolve("state"))) {
            dirs.forEach(d -> MetadataLog.parseDecimal(d.getFileName().toString()).ifPresent(op -> {
                if (op <= Integer.MAX_VALUE && Files.exists(stateSchemaFile((int) op).path())) {
                    out.add((int) op);
                }
            }));
        } catch (java.nio.file.NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new CheckpointException("Failed to list " + root.resolve("state") + ": " + e, e);
        }
        out.sort(null);
        return out;
    }

    /**
     * Refuses a checkpoint whose commits are ahead of its offsets, naming both files; call at
     * start before writing anything (see {@link RecoveryPlanner#requireCommitsNotAheadOfOffsets()}).
     */
    public void requireCommitsNotAheadOfOffsets() {
        new RecoveryPlanner(offsets, commits).requireCommitsNotAheadOfOffsets();
    }

    /** Micro-batch restart decision; see {@link RecoveryPlanner#recoverMicroBatch()}. */
    public RecoveryPoint recover() {
        return new RecoveryPlanner(offsets, commits).recoverMicroBatch();
    }

    /** Continuous restart decision; see {@link RecoveryPlanner#recoverContinuous()}. */
    public RecoveryPoint recoverContinuous() {
        return new RecoveryPlanner(offsets, commits).recoverContinuous();
    }

    /**
     * Drops offsets and commits below {@code thresholdBatchId} (Spark purges both logs below
     * {@code N - minBatchesToRetain} after writing {@code offsets/N}). Each log keeps its newest
     * entry whatever the threshold (see {@link MetadataLog#purge}).
     */
    public void purgeLogs(long thresholdBatchId) {
        offsets.purge(thresholdBatchId);
        commits.purge(thresholdBatchId);
    }

    /**
     * Retention after batch (or epoch) {@code currentBatchId} committed: keeps the latest
     * {@code minBatchesToRetain} batches of offsets and commits, and never the newest of either.
     *
     * @throws IllegalArgumentException naming {@code spark.sql.streaming.minBatchesToRetain} if
     *         {@code minBatchesToRetain} is below 1 (validate it at start with {@link Retention#parse})
     */
    public void purgeLogs(long currentBatchId, int minBatchesToRetain) {
        purgeLogs(Retention.purgeThreshold(currentBatchId, minBatchesToRetain));
    }
}
