package io.tideway.checkpoint;

/**
 * Where a restarted query resumes, decided from the offsets and commits logs.
 *
 * <p>Threading: immutable.
 *
 * @param nextBatchId      the batch (or epoch) id to run next
 * @param committedOffsets the offsets the next batch starts from: those of the last batch that
 *                         finished; null when starting from the sources' initial offsets
 * @param rerunOffsets     non-null when {@code offsets/nextBatchId} already exists but
 *                         {@code commits/nextBatchId} does not: the batch must be re-run with
 *                         exactly these end offsets and this metadata (timestamp, watermark, confs)
 * @param watermarkMs      the event-time watermark the next batch uses
 */
public record RecoveryPoint(long nextBatchId, OffsetSeq committedOffsets, OffsetSeq rerunOffsets, long watermarkMs) {

    /** A query with no offsets written yet: batch 0, watermark 0. */
    public static RecoveryPoint fresh() {
        return new RecoveryPoint(0L, null, null, 0L);
    }

    /** True when the next batch replays a batch whose offsets were logged but never committed. */
    public boolean isRerun() {
        return rerunOffsets != null;
    }
}
