package io.tideway.epoch;

import java.util.concurrent.TimeUnit;

/**
 * The timer that ends an epoch every interval, on a fixed-rate schedule from the start; ticks
 * missed while the coordinator was busy (a slow commit) collapse into one, as Spark's
 * processing-time trigger skips missed batches.
 *
 * <p>Threading: coordinator thread only. Times are {@link System#nanoTime()} values and are
 * compared by difference, so they may wrap.
 */
final class EpochClock {
    /** Longer intervals are clamped so that {@code now + interval} differences never overflow. */
    static final long MAX_INTERVAL_NANOS = 1L << 62;

    private final long intervalNanos;
    /** Coordinator thread only. */
    private long nextTickNanos;

    EpochClock(long intervalMs, long nowNanos) {
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("epoch interval must be > 0 ms, was " + intervalMs);
        }
        this.intervalNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(intervalMs), MAX_INTERVAL_NANOS);
        this.nextTickNanos = nowNanos + intervalNanos;
    }

    boolean isDue(long nowNanos) {
        return nowNanos - nextTickNanos >= 0;
    }

    /** Nanoseconds until the next tick is due; zero or negative when it is. */
    long nanosUntilDue(long nowNanos) {
        return nextTickNanos - nowNanos;
    }

    /** The timer's epoch was cut at {@code nowNanos}: schedule the next one. */
    void onTick(long nowNanos) {
        nextTickNanos += intervalNanos;
        if (nowNanos - nextTickNanos >= 0) {
            nextTickNanos = nowNanos + intervalNanos;
        }
    }
}
