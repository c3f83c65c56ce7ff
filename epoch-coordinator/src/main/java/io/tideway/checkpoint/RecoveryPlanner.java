package io.tideway.checkpoint;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Implements Spark's restart decisions for micro-batch and for continuous queries
 * over an offsets log and a commits log.
 *
 * <p>Threading: stateless; reads the logs once per call. Call it before the query starts
 * writing, from the thread that will own the logs.
 */
public final class RecoveryPlanner {
    private final OffsetSeqLog offsets;
    private final CommitLog commits;

    public RecoveryPlanner(OffsetSeqLog offsets, CommitLog commits) {
        this.offsets = offsets;
        this.commits = commits;
    }

    /**
     * Micro-batch restart ({@code MicroBatchExecution.populateStartOffsets}):
     * <ul>
     *   <li>no offsets: fresh query;</li>
     *   <li>latest offsets N == latest commit N: run N+1 from offsets N, watermark =
     *       max(offsets N batchWatermarkMs, commits N nextBatchWatermarkMs);</li>
     *   <li>latest commit below N (by one or more): re-run N from offsets N-1 (none if N = 0) to
     *       offsets N with the metadata in offsets N; offsets N-1 must exist.</li>
     * </ul>
     * Unlike Spark, offsets N-1 is only required when it is used (the re-run case): Tideway has no
     * V1 sources whose {@code getBatch(N-1, N)} must be called again.
     */
    public RecoveryPoint recoverMicroBatch() {
        requireCommitsNotAheadOfOffsets();
        Optional<LogEntry<OffsetSeq>> latest = offsets.getLatest();
        if (latest.isEmpty()) {
            return RecoveryPoint.fresh();
        }
        long n = latest.get().batchId();
        OffsetSeq endOffsets = latest.get().value();
        Optional<LogEntry<CommitMetadata>> lastCommit = commits.getLatest();
        if (lastCommit.isPresent() && lastCommit.get().batchId() == n) {
            long watermark = Math.max(endOffsets.batchWatermarkMs(), lastCommit.get().value().nextBatchWatermarkMs());
            return new RecoveryPoint(n + 1, endOffsets, null, watermark);
        }
        OffsetSeq startOffsets = null;
        if (n > 0) {
            startOffsets = offsets.get(n - 1).orElseThrow(() -> new CheckpointException(
                    "batch " + (n - 1) + " doesn't exist: " + offsets.batchFile(n - 1)
                            + " is missing while " + offsets.batchFile(n) + " exists"));
        }
        return new RecoveryPoint(n, startOffsets, endOffsets, endOffsets.batchWatermarkMs());
    }

    /**
     * Refuses a checkpoint whose latest commit is for a batch later than its latest offsets, or
     * that has commits but no offsets: its offsets were deleted or lost, and running it would
     * redo batches the sink and state already hold (issue 17 item 5: a restart after
     * {@code offsets/} was deleted overwrote state and the file sink skipped its new rows). Call
     * it at start, before anything is written; {@link #recoverMicroBatch} calls it first.
     *
     * @throws CheckpointException naming the latest commit file and the latest offsets file
     *         (or the empty offsets directory)
     */
    public void requireCommitsNotAheadOfOffsets() {
        OptionalLong lastCommit = commits.latestBatchId();
        if (lastCommit.isEmpty()) {
            return;
        }
        long c = lastCommit.getAsLong();
        OptionalLong lastOffsets = offsets.latestBatchId();
        if (lastOffsets.isPresent() && lastOffsets.getAsLong() >= c) {
            return;
        }
        String offsetsPart = lastOffsets.isEmpty()
                ? "there are no offsets (" + offsets.dir() + " is empty)"
                : "the latest offsets are for batch " + lastOffsets.getAsLong() + " (" + offsets.batchFile(lastOffsets.getAsLong()) + ")";
        throw new CheckpointException("batch " + c + " was committed (" + commits.batchFile(c) + ") but " + offsetsPart
                + ": the offsets log is behind the commits log, so files were deleted from it. Restore them, or delete "
                + "the commits after the latest offsets, or use a new checkpoint location.");
    }

    /**
     * Continuous restart ({@code ContinuousExecution.getStartOffsets}): resume at epoch E+1 from
     * offsets E where E is the latest commit; offsets of uncommitted epochs are ignored (a later
     * {@code add} of such an id returns false, which the caller treats as a no-op).
     */
    public RecoveryPoint recoverContinuous() {
        Optional<LogEntry<CommitMetadata>> lastCommit = commits.getLatest();
        if (lastCommit.isEmpty()) {
            return RecoveryPoint.fresh();
        }
        long e = lastCommit.get().batchId();
        OffsetSeq end = offsets.get(e).orElseThrow(() -> new CheckpointException(
                "Batch " + e + " was committed without end epoch offsets! Missing " + offsets.batchFile(e)
                        + " (committed in " + commits.batchFile(e) + ")"));
        long watermark = Math.max(end.batchWatermarkMs(), lastCommit.get().value().nextBatchWatermarkMs());
        return new RecoveryPoint(e + 1, end, null, watermark);
    }
}
