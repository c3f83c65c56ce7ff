package io.tideway.epoch;

import java.util.Arrays;
import java.util.List;

/**
 * Reports of ended but uncommitted epochs, in a ring indexed by {@code epoch & mask}. The
 * coordinator never lets more than {@code capacity} epochs be outstanding, so two live epochs
 * never share a slot; slot arrays are allocated on first use and reused.
 *
 * <p>Threading: coordinator thread only.
 *
 * @param <O> the partition offset type
 * @param <M> the commit message type
 */
final class PendingEpochs<O, M> {
    private final int partitions;
    private final int mask;
    private final PartitionReport<O, M>[][] reports;
    private final int[] counts;

    PendingEpochs(int partitions, int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        this.partitions = partitions;
        this.mask = capacity - 1;
        @SuppressWarnings("unchecked") // an array of a generic type; it never leaves this class
        PartitionReport<O, M>[][] slots = (PartitionReport<O, M>[][]) new PartitionReport<?, ?>[capacity][];
        this.reports = slots;
        this.counts = new int[capacity];
    }

    /** Stores a report whose partition is in range and whose epoch is outstanding; false if duplicate. */
    boolean put(PartitionReport<O, M> report) {
        int i = index(report.epoch());
        PartitionReport<O, M>[] slot = reports[i];
        if (slot == null) {
            @SuppressWarnings("unchecked") // as in the constructor
            PartitionReport<O, M>[] fresh = (PartitionReport<O, M>[]) new PartitionReport<?, ?>[partitions];
            slot = fresh;
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
    List<PartitionReport<O, M>> take(long epoch) {
        int i = index(epoch);
        List<PartitionReport<O, M>> taken = List.of(reports[i]);
        Arrays.fill(reports[i], null);
        counts[i] = 0;
        return taken;
    }

    private int index(long epoch) {
        return (int) (epoch & mask);
    }
}
