package io.tideway.continuous;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.TimeUnit;

/**
 * Per-partition counters for progress reports: rows and slots the task consumed, how long slots
 * took from the reader's publish to the task (the ring hop, in an HdrHistogram {@link Recorder},
 * whose recording is wait-free and allocation-free), and how often the reader found nothing due. Each counter has one writer thread (task or reader) that stores
 * it plainly into a volatile; the coordinator thread reads them, perhaps a few slots old (good
 * enough for progress, and no read-modify-write contention on the hot path).
 */
final class PartitionCounters {
    private volatile long rows;
    private volatile long slots;
    private volatile long readerIdleCycles;
    /** Hops above this are recorded as it: a fixed range, so recording never resizes (allocates) on the task thread. */
    private static final long MAX_HOP_NANOS = TimeUnit.MINUTES.toNanos(1);
    private final Recorder hopNanos = new Recorder(1, MAX_HOP_NANOS, 2);
    private Histogram interval;

    void onSlot(int rowCount, long hopNanos) {
        // single writer: a plain read-modify-write of a volatile is safe and publishes the value
        rows = rows + rowCount;
        slots = slots + 1;
        if (hopNanos >= 0) {
            this.hopNanos.recordValue(Math.min(hopNanos, MAX_HOP_NANOS));
        }
    }

    /** Coordinator thread: the hops recorded since the last call (the histogram is reused). */
    Histogram hopsSinceLastCall() {
        interval = hopNanos.getIntervalHistogram(interval);
        return interval;
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
