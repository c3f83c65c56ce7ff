package io.tideway.continuous;

import java.util.concurrent.locks.LockSupport;

/**
 * Timed parks that learn how late they wake. A timed park on Linux wakes tens of µs after its
 * deadline (timer slack: ~50 µs on bare metal, ~90–100 µs on this kind of VM), so a thread that
 * must be awake at a deadline parks only until {@link #window()} before it and spins the rest.
 * The window is a fixed setting, or (adaptive) a moving average of the measured lateness plus a
 * quarter: it rises by half the gap after a later wake and falls by 1/32 after an earlier one,
 * so it tracks a high percentile of the lateness rather than its mean.
 * A wake more than {@value #MAX_LATENESS_NANOS} ns late counts as that much: beyond it the thread
 * was preempted, which spinning longer does not cure (and on a shared box would make every
 * thread spin all the time). Parks ended early by an unpark say nothing about lateness and are
 * not counted. One per thread.
 */
final class ParkTimer {
    /** The adaptive estimate's start, before any park has been measured. */
    private static final long INITIAL_LATENESS_NANOS = 100_000;
    private static final long MAX_LATENESS_NANOS = 200_000;
    private final long fixedWindowNanos;
    /** Moving average of how late a timed park woke (ns); owning thread only. */
    private long lateness = INITIAL_LATENESS_NANOS;

    /** @param fixedWindowNanos the window, or a negative value for the adaptive one */
    ParkTimer(long fixedWindowNanos) {
        this.fixedWindowNanos = fixedWindowNanos;
    }

    /** How long before a deadline to stop parking and spin. */
    long window() {
        return fixedWindowNanos >= 0 ? fixedWindowNanos : lateness + (lateness >> 2);
    }

    /** Parks up to {@code nanos}; an unpark may end it early. */
    void park(Object blocker, long nanos) {
        long start = System.nanoTime();
        LockSupport.parkNanos(blocker, nanos);
        long late = Math.min(System.nanoTime() - start - nanos, MAX_LATENESS_NANOS);
        if (late >= 0) {
            lateness += late > lateness ? (late - lateness) >> 1 : -((lateness - late) >> 5);
        }
    }
}
