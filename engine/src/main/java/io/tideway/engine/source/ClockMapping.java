package io.tideway.engine.source;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Maps {@link System#nanoTime()} onto the wall clock and back, for sources whose rows carry a
 * wall-clock time (a Kafka record's timestamp) or are paced by {@code nanoTime} (the {@code rate}
 * source), and for latency measured from those times. Stateless.
 */
public final class ClockMapping {
    /** Reads the calibration takes: enough to warm the path, a few µs in all. */
    static final int CALIBRATION_READS = 200;

    private ClockMapping() {
    }

    /** Wall-clock ns since the epoch minus {@code System.nanoTime()}, at one instant, on this JVM's clocks. */
    public static long epochNanosMinusNanoTime() {
        return epochNanosMinusNanoTime(System::nanoTime, ClockMapping::epochNanos);
    }

    /**
     * Wall-clock ns minus {@code nanoTime} at one instant. Of several reads of the wall clock
     * between two of {@code nanoTime}, the one whose bracket is narrowest, placed at its middle:
     * a single pair read on a cold path lies µs apart (the first {@code Instant.now()} runs
     * interpreted), and every time mapped with it was off by that much (10 µs here: each rate
     * row's {@code timestamp} that much early, so latency measured from it that much high).
     */
    public static long epochNanosMinusNanoTime(LongSupplier nanoTime, LongSupplier epochNanos) {
        long narrowest = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < CALIBRATION_READS; i++) {
            long before = nanoTime.getAsLong();
            long epoch = epochNanos.getAsLong();
            long after = nanoTime.getAsLong();
            if (after - before < narrowest) {
                narrowest = after - before;
                offset = epoch - (before + (after - before) / 2);
            }
        }
        return offset;
    }

    /** The wall clock at the platform's best precision, ns since the epoch (allocates an {@code Instant}). */
    public static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
