package io.tideway.checkpoint;

import java.util.Optional;

/**
 * Implements the restart decision tables of digest §1.9 (micro-batch) and §1.10 (continuous)
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
        if (lastCommit.isPresent() && lastCommit.get().batchId() > n) {
            throw new CheckpointException("batch " + lastCommit.get().batchId() + " was committed ("
                    + commits.batchFile(lastCommit.get().batchId()) + ") but the latest offsets are for batch "
                    + n + " (" + offsets.batchFile(n) + ")");
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
                "Batch " + e + " was committed without end epoch offsets! Missing " + offsets.batchFile(e)));
        long watermark = Math.max(end.batchWatermarkMs(), lastCommit.get().value().nextBatchWatermarkMs());
        return new RecoveryPoint(e + 1, end, null, watermark);
    }
}
