package io.tideway.continuous;

import io.tideway.engine.metrics.IntervalPercentiles;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.concurrent.TimeUnit;

/**
 * Per-partition counters for progress reports: rows and slots the task consumed, how long slots
 * took from their first row's source time to the sink (end to end), and from the reader's
 * publish to the task (the ring hop), each in an HdrHistogram
 * {@link SingleWriterRecorder}: the task thread is its one writer, and its recording is wait-free,
 * allocation-free and free of atomic read-modify-writes), and how often the reader found nothing
 * due. Each counter has one writer thread (task or reader) that stores it plainly into a
 * volatile; the query thread reads them for progress, perhaps a few slots old (good enough for progress,
 * and no read-modify-write contention on the hot path).
 */
final class PartitionCounters {
    /** Task thread writes; query thread reads. */
    private volatile long rows;
    /** Task thread writes; query thread reads. */
    private volatile long slots;
    /** Reader thread writes; query thread reads. */
    private volatile long readerIdleCycles;
    /** Hops above this are recorded as it: a fixed range, so recording never resizes (allocates) on the task thread. */
    private static final long MAX_HOP_NANOS = TimeUnit.MINUTES.toNanos(1);
    /**
     * One significant digit (values within 1/16 of each other share a bucket): the coordinator
     * clears and reads the interval histogram every epoch, and at two digits its 30 KB of counts
     * cost about 100 µs of cold-cache CPU per epoch; at one digit it is 4 KB.
     */
    private final SingleWriterRecorder hopNanos = new SingleWriterRecorder(1, MAX_HOP_NANOS, 1);
    /** Source time to sink, per slot (its oldest row), in ns; the same range and precision as the hops. */
    private final SingleWriterRecorder latencyNanos = new SingleWriterRecorder(1, MAX_HOP_NANOS, 1);
    /** Query thread (progress): the reused interval histograms. */
    private Histogram hopInterval;
    private Histogram latencyInterval;

    void onSlot(int rowCount, long hopNanos, long latencyNanos) {
        // single writer: a plain read-modify-write of a volatile is safe and publishes the value
        rows = rows + rowCount;
        slots = slots + 1;
        if (hopNanos >= 0) {
            this.hopNanos.recordValue(Math.min(hopNanos, MAX_HOP_NANOS));
        }
        if (latencyNanos >= 0) {
            this.latencyNanos.recordValue(Math.min(latencyNanos, MAX_HOP_NANOS));
        }
    }

    /** Query thread (progress): the hops recorded since the last call (the interval histogram is reused). */
    IntervalPercentiles hopsSinceLastCall() {
        hopInterval = hopNanos.getIntervalHistogram(hopInterval);
        return IntervalPercentiles.of(hopInterval);
    }

    /** Query thread (progress): the end-to-end latencies (ns) recorded since the last call; the histogram is reused. */
    Histogram latenciesSinceLastCall() {
        latencyInterval = latencyNanos.getIntervalHistogram(latencyInterval);
        return latencyInterval;
    }

    /** Reader thread: a poll found no row due. */
    void onReaderIdle() {
        readerIdleCycles = readerIdleCycles + 1;
    }

    long readerIdleCycles() {
        return readerIdleCycles;
    }

    long rows() {
        return rows;
    }

    long slots() {
        return slots;
    }
}
