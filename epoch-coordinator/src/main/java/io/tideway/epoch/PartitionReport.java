package io.tideway.epoch;

/**
 * What one partition says when it reaches the marker of an epoch: the offset of the last row
 * it consumed in that epoch and its writer's commit message (Spark's
 * {@code ReportPartitionOffset} and {@code CommitPartitionEpoch} in one message).
 *
 * <p>Immutable; created on the task thread, read on the coordinator thread after crossing the
 * coordinator's queue (which publishes it).
 *
 * @param <O> the source's partition offset type
 * @param <M> the sink's commit message type
 *
 * @param partition     the partition index, {@code 0 <= partition < partitions}
 * @param epoch         the epoch that ended at the marker
 * @param offset        the source's partition offset at the marker; the coordinator never reads it
 * @param commitMessage the sink writer's commit message for the epoch; never read by the coordinator, may be null
 */
public record PartitionReport<O, M>(int partition, long epoch, O offset, M commitMessage) {
}
