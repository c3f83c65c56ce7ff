package io.tideway.epoch;

/**
 * An immutable snapshot of the coordinator's commit metrics, for progress reports.
 * Latency is measured from the moment the clock ended the epoch to the moment its committer
 * returned; duration is the time spent inside the committer alone, so latency minus duration
 * is the time spent waiting for the slowest partition's report.
 *
 * <p>Threading: published by the coordinator thread after each commit through a volatile
 * reference; any thread may read it.
 *
 * @param epochsCommitted         epochs committed since the coordinator started
 * @param lastCommittedEpoch      the newest committed epoch, or first epoch - 1 if none
 * @param lastCommitLatencyNanos  latency of the newest commit, 0 if none
 * @param maxCommitLatencyNanos   highest commit latency seen, 0 if none
 * @param totalCommitLatencyNanos sum of all commit latencies, for the mean
 * @param lastCommitDurationNanos time the newest commit spent inside the committer
 */
public record EpochStats(long epochsCommitted, long lastCommittedEpoch, long lastCommitLatencyNanos,
                         long maxCommitLatencyNanos, long totalCommitLatencyNanos,
                         long lastCommitDurationNanos) {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** The snapshot before any commit. */
    static EpochStats initial(long lastCommittedEpoch) {
        return new EpochStats(0, lastCommittedEpoch, 0, 0, 0, 0);
    }

    /** The snapshot after committing {@code epoch}. */
    EpochStats afterCommit(long epoch, long latencyNanos, long durationNanos) {
        return new EpochStats(epochsCommitted + 1, epoch, latencyNanos,
                Math.max(maxCommitLatencyNanos, latencyNanos), totalCommitLatencyNanos + latencyNanos,
                durationNanos);
    }

    /** Milliseconds from the end of the newest committed epoch to its commit. */
    public double lastCommitLatencyMs() {
        return lastCommitLatencyNanos / NANOS_PER_MILLI;
    }

    /** Highest commit latency seen, in milliseconds. */
    public double maxCommitLatencyMs() {
        return maxCommitLatencyNanos / NANOS_PER_MILLI;
    }

    /** Mean commit latency in milliseconds, 0 before the first commit. */
    public double meanCommitLatencyMs() {
        return epochsCommitted == 0 ? 0 : totalCommitLatencyNanos / NANOS_PER_MILLI / epochsCommitted;
    }
}
