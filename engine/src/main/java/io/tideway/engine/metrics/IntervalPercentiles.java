package io.tideway.engine.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.Map;

/**
 * p50, p99, p99.9 and max of one interval of recorded times (ring hops, end-to-end latencies),
 * read in one pass over the recorded values (each {@code getValueAtPercentile} call would walk
 * the counts array from the start), with the same values {@link Histogram#getValueAtPercentile}
 * gives. Immutable.
 */
public record IntervalPercentiles(long count, long p50, long p99, long p999, long max) {
    static final IntervalPercentiles EMPTY = new IntervalPercentiles(0, 0, 0, 0, 0);

    public static IntervalPercentiles of(Histogram h) {
        long total = h.getTotalCount();
        if (total == 0) {
            return EMPTY;
        }
        long at50 = countAt(50, total);
        long at99 = countAt(99, total);
        long at999 = countAt(99.9, total);
        long p50 = -1;
        long p99 = -1;
        long p999 = -1;
        for (HistogramIterationValue v : h.recordedValues()) {
            long seen = v.getTotalCountToThisValue();
            long value = h.highestEquivalentValue(v.getValueIteratedTo());
            if (p50 < 0 && seen >= at50) {
                p50 = value;
            }
            if (p99 < 0 && seen >= at99) {
                p99 = value;
            }
            if (seen >= at999) {
                p999 = value;
                break;
            }
        }
        return new IntervalPercentiles(total, p50, p99, p999, h.getMaxValue());
    }

    /** The rank {@code getValueAtPercentile} looks for: ceil(p% of total), at least 1. */
    private static long countAt(double percentile, long total) {
        return Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
    }

    /**
     * Puts these end-to-end latencies (recorded in ns) into a source's progress metrics as
     * {@code <prefix>latencyMicros.count|p50|p99|p99.9|max}, in µs; nothing when none were
     * recorded. The one spelling of these keys, which {@link QueryMetrics} reads back.
     */
    public void putLatencyMicros(Map<String, String> metrics, String prefix) {
        if (count == 0) {
            return;
        }
        metrics.put(prefix + "latencyMicros.count", Long.toString(count));
        metrics.put(prefix + "latencyMicros.p50", Long.toString(p50 / 1_000));
        metrics.put(prefix + "latencyMicros.p99", Long.toString(p99 / 1_000));
        metrics.put(prefix + "latencyMicros.p99.9", Long.toString(p999 / 1_000));
        metrics.put(prefix + "latencyMicros.max", Long.toString(max / 1_000));
    }
}
