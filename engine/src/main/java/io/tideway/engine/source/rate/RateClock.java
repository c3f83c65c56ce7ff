package io.tideway.engine.source.rate;

import java.time.Instant;

/**
 * The clocks the continuous {@code rate} reader paces by: the wall clock (Spark's schedule and
 * the {@code timestamp} column) and {@link System#nanoTime()} ({@code exactPacing} and the
 * {@code intendedNanoTime} column). An interface so tests can drive the schedule by hand.
 * Implementations are thread-safe.
 */
interface RateClock {
    RateClock SYSTEM = new RateClock() {
        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long epochNanos() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
    };

    /** Wall clock, ms since the epoch; read once per {@code poll} in the default pacing. */
    long currentTimeMillis();

    /** Monotonic ns; read once per {@code poll} with {@code exactPacing}. */
    long nanoTime();

    /** Wall clock at the platform's best precision; read once per reader (may allocate). */
    default long epochNanos() {
        return currentTimeMillis() * 1_000_000L;
    }

    /**
     * Wall-clock ns minus {@link #nanoTime()} at one instant, to map one clock onto the other. Of
     * several reads of the wall clock between two of {@code nanoTime()}, the one whose bracket is
     * narrowest, placed at its middle: a single pair read on a cold path lies µs apart (the first
     * {@code Instant.now()} runs interpreted), and every time mapped with it was off by that much
     * (10 µs here: each row's {@code timestamp} that much early, so latency measured from it that
     * much high).
     */
    default long epochNanosMinusNanoTime() {
        long narrowest = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < CALIBRATION_READS; i++) {
            long before = nanoTime();
            long epoch = epochNanos();
            long after = nanoTime();
            if (after - before < narrowest) {
                narrowest = after - before;
                offset = epoch - (before + (after - before) / 2);
            }
        }
        return offset;
    }

    /** Reads {@link #epochNanosMinusNanoTime} takes: enough to warm the path, a few µs in all. */
    int CALIBRATION_READS = 200;
}
