package io.tideway.continuous;

import io.tideway.engine.spi.ContinuousPartitionReader;
import org.agrona.concurrent.IdleStrategy;

import java.util.function.LongConsumer;

/**
 * How a producer (a partition's reader agent, or the perf baseline's producer) idles when its
 * source had nothing due: an Agrona {@link IdleStrategy} that also knows when the next row is due.
 * The producer's duty cycle says so with {@link #nextRowDue} before it returns no work; a source
 * that knows ({@link ContinuousPartitionReader#nextRowDueNanoTime()}, the paced {@code rate}
 * source) gets a deadline-aware wait: once the deadline is within the {@link ParkTimer}'s window
 * the thread spins ({@link Thread#onSpinWait()}) up to it, because a park there would wake tens of
 * µs late (Linux timer slack); further off it waits the strategy's way, but a park never runs into
 * the window. {@code blocking} never spins: it parks to the deadline itself, at most 1 ms at a
 * time. A source without a deadline gets the plain Agrona strategy. Each due time also goes to a
 * listener (a {@code backoff} task's {@link TaskBackoffWaitStrategy}). Built by
 * {@link ContinuousWait}, the one place a strategy is chosen by name.
 *
 * <p>Threading: the producer's thread only (the agent's runner calls {@link #idle(int)}); several
 * producers' agents run on one thread may share one.
 */
public final class PacedIdleStrategy implements IdleStrategy {
    /** In the window, {@code backoff} yields until this long before the deadline, then spins. */
    static final long SPIN_ONLY_NANOS = 20_000;
    private final String alias;
    /** The longest park, so a quiet source still sees epoch changes and stop promptly. */
    private final long maxParkNanos;
    private final IdleStrategy idle;
    private final ParkTimer timer;
    /** backoff/blocking park while the deadline is far; busy-spin/yielding use their own step. */
    private final boolean parksToDeadline;
    /** Told each due time, for a task that spins to it too; or null. */
    private final LongConsumer dueListener;
    /**
     * {@code backoff}: in the window, yield until {@link #SPIN_ONLY_NANOS} before the deadline and
     * spin only the rest, so that on a machine with no free core other threads get the core
     * early in the window instead of preempting the producer when the row is due.
     */
    private final boolean yieldsInWindow;
    /** When the next row is due ({@code System.nanoTime()}), or {@code UNKNOWN_DUE_TIME}; producer thread only. */
    private long nextRowDue = ContinuousPartitionReader.UNKNOWN_DUE_TIME;

    PacedIdleStrategy(String alias, IdleStrategy idle, ParkTimer timer, boolean parksToDeadline, boolean yieldsInWindow,
                      long maxParkNanos, LongConsumer dueListener) {
        this.alias = alias;
        this.idle = idle;
        this.yieldsInWindow = yieldsInWindow;
        this.dueListener = dueListener;
        this.timer = timer;
        this.parksToDeadline = parksToDeadline;
        this.maxParkNanos = maxParkNanos;
    }

    /**
     * A source's next row is due at {@code dueNanoTime} ({@code UNKNOWN_DUE_TIME}: not known). The
     * next idle waits for the earliest time reported since the last one: the readers of several
     * partitions on one thread each report theirs.
     */
    public void nextRowDue(long dueNanoTime) {
        if (dueNanoTime != ContinuousPartitionReader.UNKNOWN_DUE_TIME
                && (nextRowDue == ContinuousPartitionReader.UNKNOWN_DUE_TIME || dueNanoTime - nextRowDue < 0)) {
            nextRowDue = dueNanoTime;
        }
    }

    /** Work done: the next wait starts from the strategy's first step; none: waits a little. */
    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
        } else {
            idle();
        }
    }

    /** Waits a little for the earliest row given to {@link #nextRowDue} since the last wait. */
    @Override
    public void idle() {
        long dueNanoTime = nextRowDue;
        nextRowDue = ContinuousPartitionReader.UNKNOWN_DUE_TIME;
        if (dueListener != null) {
            dueListener.accept(dueNanoTime);
        }
        if (dueNanoTime == ContinuousPartitionReader.UNKNOWN_DUE_TIME) {
            idle.idle();
            return;
        }
        long remaining = dueNanoTime - System.nanoTime();
        long window = timer.window();
        if (remaining <= window) {
            while (remaining > 0) {
                if (yieldsInWindow && remaining > SPIN_ONLY_NANOS) {
                    Thread.yield(); // a thread waiting for this core runs now, not while a row is due
                } else {
                    Thread.onSpinWait();
                }
                remaining = dueNanoTime - System.nanoTime();
            }
        } else if (parksToDeadline) {
            timer.park(this, Math.min(remaining - window, maxParkNanos));
        } else {
            idle.idle();
        }
    }

    /** The producer emitted rows: the next wait starts from the strategy's first step, and due times are reported afresh. */
    @Override
    public void reset() {
        nextRowDue = ContinuousPartitionReader.UNKNOWN_DUE_TIME;
        idle.reset();
    }

    @Override
    public String alias() {
        return alias;
    }
}
