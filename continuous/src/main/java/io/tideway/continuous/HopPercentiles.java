package io.tideway.continuous;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * p50, p99 and max of one interval of ring-hop times, read in one pass over the recorded values
 * (three {@code getValueAtPercentile} calls would each walk the counts array from the start),
 * with the same values {@link Histogram#getValueAtPercentile} gives.
 */
record HopPercentiles(long count, long p50, long p99, long max) {
    static final HopPercentiles EMPTY = new HopPercentiles(0, 0, 0, 0);

    static HopPercentiles of(Histogram h) {
        long total = h.getTotalCount();
        if (total == 0) {
            return EMPTY;
        }
        long at50 = countAt(50, total);
        long at99 = countAt(99, total);
        long p50 = -1;
        long p99 = -1;
        for (HistogramIterationValue v : h.recordedValues()) {
            long seen = v.getTotalCountToThisValue();
            if (p50 < 0 && seen >= at50) {
                p50 = h.highestEquivalentValue(v.getValueIteratedTo());
            }
            if (seen >= at99) {
                p99 = h.highestEquivalentValue(v.getValueIteratedTo());
                break;
            }
        }
        return new HopPercentiles(total, p50, p99, h.getMaxValue());
    }

    /** The rank {@code getValueAtPercentile} looks for: ceil(p% of total), at least 1. */
    private static long countAt(double percentile, long total) {
        return Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
    }
}
