package io.tideway.epoch;

import java.util.Arrays;
import java.util.List;

/**
 * Reports of ended but uncommitted epochs, in a ring indexed by {@code epoch & mask}. The
 * coordinator never lets more than {@code capacity} epochs be outstanding, so two live epochs
 * never share a slot; slot arrays are allocated on first use and reused.
 *
 * <p>Threading: coordinator thread only.
 */
final class PendingEpochs {
    private final int partitions;
    private final int mask;
    private final PartitionReport[][] reports;
    private final int[] counts;
    private final long[] endNanos;

    PendingEpochs(int partitions, int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        this.partitions = partitions;
        this.mask = capacity - 1;
        this.reports = new PartitionReport[capacity][];
        this.counts = new int[capacity];
        this.endNanos = new long[capacity];
    }

    void onEpochEnded(long epoch, long nowNanos) {
        endNanos[index(epoch)] = nowNanos;
    }

    long endNanos(long epoch) {
        return endNanos[index(epoch)];
    }

    /** Stores a report whose partition is in range and whose epoch is outstanding; false if duplicate. */
    boolean put(PartitionReport report) {
        int i = index(report.epoch());
        PartitionReport[] slot = reports[i];
        if (slot == null) {
            slot = new PartitionReport[partitions];
            reports[i] = slot;
        }
        if (slot[report.partition()] != null) {
            return false;
        }
        slot[report.partition()] = report;
        counts[i]++;
        return true;
    }

    boolean isComplete(long epoch) {
        return counts[index(epoch)] == partitions;
    }

    /** Removes a complete epoch's reports, in partition order. */
    List<PartitionReport> take(long epoch) {
        int i = index(epoch);
        List<PartitionReport> taken = List.of(reports[i]);
        Arrays.fill(reports[i], null);
        counts[i] = 0;
        return taken;
    }

    private int index(long epoch) {
        return (int) (epoch & mask);
    }
}
