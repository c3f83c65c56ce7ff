package io.tideway.continuous;

import java.util.concurrent.locks.LockSupport;

/**
 * Timed parks that learn how late they wake. A timed park on Linux wakes tens of µs after its
 * deadline (timer slack, 50 µs by default, which {@link TimerSlack} lowers for the parking thread;
 * then the VM's wake-up: ~30 µs at the median on this kind of VM), so a thread that must be awake
 * at a deadline parks only until {@link #window()} before it and spins the rest. The window is a
 * fixed setting, or (adaptive) an estimate of the {@value #QUANTILE_PERCENT}th percentile of the
 * measured lateness: it rises {@value #STEP_UP_NANOS} ns after a later wake and falls
 * {@value #STEP_DOWN_NANOS} ns after an earlier one, which settles where three wakes in four are
 * earlier. That percentile is the trade: the one late wake in four is late by a few µs (the
 * lateness's spread above its median is small), while a window at the high tail would spin through
 * almost every gap between rows (the earlier estimate, a high percentile plus a quarter, spun a
 * whole core for 10k rows/s where three quarters of it bought no latency).
 * A wake more than {@value #MAX_LATENESS_NANOS} ns late counts as that much: beyond it the thread
 * was preempted, which spinning longer does not cure. Parks ended early by an unpark say nothing
 * about lateness and are not counted. Its thread's first park lowers the thread's timer slack.
 * One per thread.
 */
final class ParkTimer {
    /** The adaptive estimate's start, before any park has been measured. */
    private static final long INITIAL_LATENESS_NANOS = 50_000;
    private static final long MAX_LATENESS_NANOS = 200_000;
    static final int QUANTILE_PERCENT = 75;
    /** Steps of the quantile estimate: up/(up+down) = {@link #QUANTILE_PERCENT} %. */
    static final long STEP_UP_NANOS = 300;
    static final long STEP_DOWN_NANOS = 100;
    private final long fixedWindowNanos;
    /** The lateness estimate (ns); owning thread only. */
    private long lateness = INITIAL_LATENESS_NANOS;
    /** Whether the owning thread's timer slack was lowered yet; owning thread only. */
    private boolean slackSet;

    /** @param fixedWindowNanos the window, or a negative value for the adaptive one */
    ParkTimer(long fixedWindowNanos) {
        this.fixedWindowNanos = fixedWindowNanos;
    }

    /** How long before a deadline to stop parking and spin. */
    long window() {
        return fixedWindowNanos >= 0 ? fixedWindowNanos : lateness;
    }

    /** Parks up to {@code nanos}; an unpark may end it early. */
    void park(Object blocker, long nanos) {
        if (!slackSet) {
            slackSet = true; // on the owning thread, at its first park: the kernel's 50 µs default dominates the lateness
            TimerSlack.setForCurrentThread(TimerSlack.WAITER_SLACK_NANOS);
        }
        long start = System.nanoTime();
        LockSupport.parkNanos(blocker, nanos);
        long late = Math.min(System.nanoTime() - start - nanos, MAX_LATENESS_NANOS);
        if (late >= 0) {
            lateness = late > lateness ? lateness + STEP_UP_NANOS : Math.max(0, lateness - STEP_DOWN_NANOS);
        }
    }
}
