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

    private EpochReportException(String coordinator, String problem, int partition, long epoch) {
        super("Epoch coordinator " + coordinator + ": " + problem);
        this.partition = partition;
        this.epoch = epoch;
    }

    static EpochReportException unknownPartition(String coordinator, int partition, long epoch, int partitions) {
        return new EpochReportException(coordinator, "Report from partition " + partition + " for epoch " + epoch
                + ": partition out of range [0, " + partitions + ")", partition, epoch);
    }

    static EpochReportException alreadyCommitted(String coordinator, int partition, long epoch, long lastCommitted) {
        return new EpochReportException(coordinator, "Late report from partition " + partition + " for epoch "
                + epoch + ": epoch " + epoch + " is already committed (last committed epoch " + lastCommitted + ")",
                partition, epoch);
    }

    static EpochReportException notEnded(String coordinator, int partition, long epoch, long currentEpoch) {
        return new EpochReportException(coordinator, "Early report from partition " + partition + " for epoch "
                + epoch + ": epoch " + epoch + " has not ended (current epoch " + currentEpoch + ")",
                partition, epoch);
    }

    static EpochReportException duplicate(String coordinator, int partition, long epoch) {
        return new EpochReportException(coordinator, "Duplicate report from partition " + partition
                + " for epoch " + epoch + ": the first report is kept", partition, epoch);
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
