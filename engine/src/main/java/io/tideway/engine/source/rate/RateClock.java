package io.tideway.engine.source.rate;

import io.tideway.engine.source.ClockMapping;

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
            return ClockMapping.epochNanos();
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

    /** Wall-clock ns minus {@link #nanoTime()} at one instant, calibrated as {@link ClockMapping} does. */
    default long epochNanosMinusNanoTime() {
        return ClockMapping.epochNanosMinusNanoTime(this::nanoTime, this::epochNanos);
    }
}
