package io.tideway.engine.source.rate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mapping nanoTime onto the wall clock is not thrown off by a slow first read. */
class RateClockTest {
    private static final long WALL_MINUS_MONOTONIC = 1_700_000_000_000_000_000L;

    @Test
    void theNarrowestBracketOfSeveralReadsMapsTheClocks() {
        RateClock coldThenWarm = new RateClock() {
            private long now = 5_000;
            private int wallReads;

            @Override
            public long currentTimeMillis() {
                return epochNanos() / 1_000_000;
            }

            @Override
            public long nanoTime() {
                return now += 10;
            }

            @Override
            public long epochNanos() {
                // the first read is cold: 10 µs pass inside it, after the instant it reports
                long reported = now + 5 + WALL_MINUS_MONOTONIC;
                now += wallReads++ == 0 ? 10_000 : 10;
                return reported;
            }
        };
        long offset = coldThenWarm.epochNanosMinusNanoTime();
        assertTrue(Math.abs(offset - WALL_MINUS_MONOTONIC) <= 20,
                "off by " + (offset - WALL_MINUS_MONOTONIC) + " ns, where one cold pair is off by ~5 µs");
    }
}
