package io.tideway.engine.query;

import io.tideway.checkpoint.CheckpointDir;
import io.tideway.checkpoint.CommitMetadata;
import io.tideway.checkpoint.OffsetSeq;
import io.tideway.checkpoint.OffsetSeqMetadata;
import io.tideway.checkpoint.RecoveryPoint;
import io.tideway.engine.conf.TidewayConf;
import io.tideway.sql.RuntimeConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How both executors make a batch (micro-batch) or an epoch (continuous) durable, as Spark does:
 * {@link #writeOffsets} writes {@code offsets/N} with the settings pinned for the checkpoint's
 * life; the executor then commits its sink for N; {@link #commit} writes {@code commits/N} and
 * purges both logs by {@code minBatchesToRetain} (never the newest entry of either). A write that
 * finds its file already there fails with {@code CONCURRENT_STREAM_LOG_UPDATE} (another writer on
 * the checkpoint). {@link #recover} decides where a run starts and pins the settings from the
 * checkpoint: a value there wins over the session's, with Spark's warning, so a restart, in either
 * mode, keeps the shuffle partitions its state was written with.
 *
 * <p>Threading: {@link #recover} on the query thread before any other thread of the run starts;
 * then one thread at a time writes: the query thread (micro-batch) or the epoch coordinator's
 * (continuous), which the coordinator's start publishes to. {@link #pinned} is read-only after
 * {@link #recover}.
 */
public final class CommitProtocol {
    private static final Logger LOG = LoggerFactory.getLogger(CommitProtocol.class);
    /** Settings whose value at a checkpoint's first batch holds for its life (state layout, watermark rule). */
    static final List<String> PINNED = List.of(TidewayConf.SHUFFLE_PARTITIONS.key(),
            TidewayConf.MULTIPLE_WATERMARK_POLICY.key());
    private final CheckpointDir checkpoint;
    private final RuntimeConfig session;
    private final int minBatchesToRetain;
    private final long purgeEvery;
    /** Written by {@link #recover} (query thread) before the writers run; read-only after. */
    private final Map<String, String> pinned = new LinkedHashMap<>();

    /**
     * @param purgeEvery purge old entries after every this many commits: each purge lists both
     *                   log directories, which at 100 ms epochs cost more than the commit itself
     */
    public CommitProtocol(CheckpointDir checkpoint, RuntimeConfig session, long purgeEvery) {
        this.checkpoint = checkpoint;
        this.session = session;
        this.minBatchesToRetain = TidewayConf.MIN_BATCHES_TO_RETAIN.get(session);
        this.purgeEvery = purgeEvery;
    }

    /** Before anything is written: {@code commits/} ahead of {@code offsets/} (deleted or lost) would redo committed batches. */
    public void requireCommitsNotAheadOfOffsets() {
        checkpoint.requireCommitsNotAheadOfOffsets();
    }

    /**
     * Where the run starts, with the settings pinned from the checkpoint. Micro-batch re-runs a
     * batch whose {@code offsets/N} has no {@code commits/N}; continuous resumes after the last
     * committed epoch and drops the offsets logged after it (those epochs run again).
     */
    public RecoveryPoint recover(boolean continuous) {
        RecoveryPoint recovery = continuous ? checkpoint.recoverContinuous() : checkpoint.recover();
        if (continuous) {
            checkpoint.offsets().purgeAfter(recovery.nextBatchId() - 1);
        }
        OffsetSeq logged = recovery.isRerun() ? recovery.rerunOffsets() : recovery.committedOffsets();
        pin(logged == null || logged.metadata() == null ? Map.of() : logged.metadata().conf());
        return recovery;
    }

    private void pin(Map<String, String> fromCheckpoint) {
        pinned.clear();
        for (String key : PINNED) {
            String current = TidewayConf.canonical(key, session.get(key)); // " 7 " is 7, "MAX" is max
            String logged = fromCheckpoint.get(key);
            if (logged != null && !logged.equals(current)) {
                LOG.warn("Updating the value of conf '{}' in current session from '{}' to '{}'.", key, current, logged);
            }
            pinned.put(key, logged != null ? logged : current);
        }
    }

    /** A pinned setting's value (canonical text), from the checkpoint or else the session. */
    public String pinned(String key) {
        String v = pinned.get(key);
        if (v == null) {
            throw new IllegalArgumentException(key + " is not pinned in the checkpoint (pinned: " + PINNED + ")");
        }
        return v;
    }

    /**
     * {@code offsets/N}: the sources' end offsets (JSON, null for a source without one) and the
     * batch's metadata, which it returns.
     */
    public OffsetSeqMetadata writeOffsets(long batchId, long watermarkMs, long batchTimestampMs, List<String> offsets) {
        OffsetSeqMetadata metadata = new OffsetSeqMetadata(watermarkMs, batchTimestampMs, pinned);
        checkpoint.offsets().write(batchId, new OffsetSeq(metadata, offsets));
        return metadata;
    }

    /** After the sink committed N: {@code commits/N} with the next batch's watermark, then retention. */
    public void commit(long batchId, long nextWatermarkMs) {
        checkpoint.commits().write(batchId, new CommitMetadata(nextWatermarkMs));
        if (batchId % purgeEvery == 0) {
            checkpoint.purgeLogs(batchId, minBatchesToRetain);
        }
    }
}
