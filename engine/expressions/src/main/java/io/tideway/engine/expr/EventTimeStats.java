package io.tideway.engine.expr;

/**
 * Event times (microseconds) seen by one {@code withWatermark} node in one batch: max, min, sum
 * and count, as Spark's {@code EventTimeStats}. Each task accumulates into its own instance
 * and {@link #mergeInto merges} it into the batch's shared one when its input ends.
 */
public final class EventTimeStats {
    private long max = Long.MIN_VALUE;
    private long min = Long.MAX_VALUE;
    private double sum;
    private long count;

    /** Task-local: no synchronisation. */
    public void add(long micros) {
        if (micros > max) {
            max = micros;
        }
        if (micros < min) {
            min = micros;
        }
        sum += micros;
        count++;
    }

    /** Adds this task's values to {@code shared} and resets this one. */
    public void mergeInto(EventTimeStats shared) {
        synchronized (shared) {
            shared.max = Math.max(shared.max, max);
            shared.min = Math.min(shared.min, min);
            shared.sum += sum;
            shared.count += count;
        }
        max = Long.MIN_VALUE;
        min = Long.MAX_VALUE;
        sum = 0;
        count = 0;
    }

    public synchronized long count() {
        return count;
    }

    public synchronized long maxMicros() {
        return max;
    }

    public synchronized long minMicros() {
        return min;
    }

    public synchronized double avgMicros() {
        return count == 0 ? 0 : sum / count;
    }

    public synchronized void reset() {
        max = Long.MIN_VALUE;
        min = Long.MAX_VALUE;
        sum = 0;
        count = 0;
    }
}
