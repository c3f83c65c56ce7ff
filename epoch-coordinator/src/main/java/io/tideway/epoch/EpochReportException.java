package io.tideway.epoch;

/**
 * A partition broke the report protocol: a duplicate report, a report for an epoch already
 * committed or not yet ended, or a partition index out of range. Delivered to the
 * coordinator's error handler; the offending report is ignored.
 */
public final class EpochReportException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final int partition;
    private final long epoch;

    EpochReportException(String message, int partition, long epoch) {
        super(message);
        this.partition = partition;
        this.epoch = epoch;
    }

    /** The partition named in the rejected report. */
    public int partition() {
        return partition;
    }

    /** The epoch named in the rejected report. */
    public long epoch() {
        return epoch;
    }
}
