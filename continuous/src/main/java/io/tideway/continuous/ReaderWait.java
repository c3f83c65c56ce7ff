package io.tideway.continuous;

import io.tideway.engine.spi.ContinuousPartitionReader;
import org.agrona.concurrent.IdleStrategy;

import java.util.function.LongConsumer;

/**
 * How a reader thread waits when its source had nothing due. A source that knows when its next
 * row is due ({@link ContinuousPartitionReader#nextRowDueNanoTime()}, the paced {@code rate}
 * source) gets a deadline-aware wait: once the deadline is within the {@link ParkTimer}'s window
 * the thread spins ({@link Thread#onSpinWait()}) up to it, because a park there would wake tens of
 * µs late (Linux timer slack); further off it waits the strategy's way, but a park never runs into
 * the window. {@code blocking} never spins: it parks to the deadline itself, at most 1 ms at a
 * time. A source without a deadline gets the plain idle strategy. Each due time also goes to a
 * listener (a {@code backoff} task's {@link TaskBackoffWaitStrategy}). Reader thread only.
 */
final class ReaderWait {
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
     * early in the window instead of preempting the reader when the row is due.
     */
    private final boolean yieldsInWindow;
    static final long SPIN_ONLY_NANOS = 20_000;

    ReaderWait(IdleStrategy idle, ParkTimer timer, boolean parksToDeadline, boolean yieldsInWindow, long maxParkNanos,
               LongConsumer dueListener) {
        this.idle = idle;
        this.yieldsInWindow = yieldsInWindow;
        this.dueListener = dueListener;
        this.timer = timer;
        this.parksToDeadline = parksToDeadline;
        this.maxParkNanos = maxParkNanos;
    }

    /** The source emitted rows: the next wait starts from the strategy's first step. */
    void reset() {
        idle.reset();
    }

    /** Waits a little for a row due at {@code dueNanoTime} ({@code UNKNOWN_DUE_TIME}: not known). */
    void idle(long dueNanoTime) {
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
}
