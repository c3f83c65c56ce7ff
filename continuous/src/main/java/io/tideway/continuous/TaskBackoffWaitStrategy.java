package io.tideway.continuous;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import io.tideway.engine.spi.ContinuousPartitionReader;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * How a task waits for rows under the {@code backoff} strategy: spin {@code spinNanos}, yield
 * until {@code yieldNanos}, then park until the reader publishes (it unparks a parked task) — a
 * low-CPU wait that wakes in a futex wake-up (~10–20 µs here) instead of a timed park's ~50–60
 * µs of timer slack. When the reader has told it ({@link #nextRowDue}) that its paced source's
 * next row is due within its {@link ParkTimer}'s window, the task spins through that window instead, so a
 * paced row is picked up within a microsecond of its publication; a park never runs into the
 * window (it is timed to end where the window starts).
 *
 * <p>Threads: {@link #waitFor} on the task thread; {@link #nextRowDue} and
 * {@link #signalAllWhenBlocking} on the reader thread (and the halting thread for an alert).
 * {@link #parked} is the Dekker pair of the ring's cursor: the task writes it then re-reads the
 * cursor; the reader stores the cursor then, after a full fence, reads it.
 */
final class TaskBackoffWaitStrategy implements WaitStrategy {
    /** The longest park: a bound on any missed wake-up, and how often a parked task re-checks. */
    private static final long MAX_PARK_NANOS = 1_000_000;
    private final long spinNanos;
    private final long yieldNanos;
    private final ParkTimer timer;
    /** The task thread while it parks, else null. Written by the task thread. */
    private volatile Thread parked;
    /** When the reader's next row is due, {@code System.nanoTime()}; written by the reader thread. */
    private volatile long nextRowDue = ContinuousPartitionReader.UNKNOWN_DUE_TIME;

    TaskBackoffWaitStrategy(long spinNanos, long yieldNanos, ParkTimer timer) {
        this.spinNanos = spinNanos;
        this.yieldNanos = yieldNanos;
        this.timer = timer;
    }

    /** Reader thread: the source's next row is due at {@code dueNanoTime} ({@code UNKNOWN_DUE_TIME}: not known). */
    void nextRowDue(long dueNanoTime) {
        if (nextRowDue != dueNanoTime) {
            nextRowDue = dueNanoTime;
        }
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException {
        long available = dependentSequence.get();
        if (available >= sequence) {
            return available;
        }
        long start = System.nanoTime();
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            long now = System.nanoTime();
            long due = nextRowDue;
            long toDue = due - now;
            long windowNanos = timer.window();
            boolean dueSoon = due != ContinuousPartitionReader.UNKNOWN_DUE_TIME && toDue <= windowNanos && toDue > -windowNanos;
            long waited = now - start;
            if (dueSoon && toDue > PacedIdleStrategy.SPIN_ONLY_NANOS) {
                Thread.yield(); // as the reader does: let a waiting thread run before the row is due
            } else if (dueSoon || waited < spinNanos) {
                Thread.onSpinWait();
            } else if (waited < yieldNanos) {
                Thread.yield();
            } else {
                boolean paced = due != ContinuousPartitionReader.UNKNOWN_DUE_TIME && toDue > windowNanos;
                park(sequence, dependentSequence, barrier, paced ? Math.min(toDue - windowNanos, MAX_PARK_NANOS) : MAX_PARK_NANOS);
            }
        }
        return available;
    }

    private void park(long sequence, Sequence dependentSequence, SequenceBarrier barrier, long nanos) {
        parked = Thread.currentThread();
        if (dependentSequence.get() < sequence && !barrier.isAlerted()) {
            timer.park(this, nanos);
        }
        parked = null;
    }

    @Override
    public void signalAllWhenBlocking() {
        VarHandle.fullFence(); // orders the cursor's (release) store before the read of parked
        Thread t = parked;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
