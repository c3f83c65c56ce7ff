package io.tideway.epoch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import io.tideway.agent.AgentThreads;
import io.tideway.agent.RunningAgent;
import org.agrona.BitUtil;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * The epoch coordinator of continuous mode: an epoch clock, per-partition reports, and in-order
 * epoch commits, all driven by one agent ({@link #dutyCycle()}) that {@link #start(AgentThreads)}
 * runs on a thread named {@code tideway-epoch-coordinator-<name>} (a daemon thread with
 * {@link #start()}).
 *
 * <p>Protocol. {@link #currentEpoch()} is the epoch readers are in. Every interval, or on
 * {@link #requestEpochAdvance()}, the coordinator thread ends it by incrementing it. A reader that
 * sees the value move past its epoch puts a marker with its offset into its ring; the task thread
 * flushes its writer at the marker and calls {@link #report}. When every partition has reported
 * epoch N and N-1 is committed, the coordinator thread calls {@link EpochCommitter#commit}.
 *
 * <p>Threading contract.
 * <ul>
 *   <li>{@code currentEpoch} is written by the coordinator thread only, with release semantics
 *       ({@link VarHandle#setRelease}); {@link #currentEpoch()} reads it with acquire semantics
 *       ({@link VarHandle#getAcquire}): one plain load on x86, cheap enough to poll per row.</li>
 *   <li>{@link #report} may be called from any number of threads; it allocates one small record,
 *       offers it to a lock-free many-to-one queue (one CAS) and unparks the coordinator thread
 *       (a futex wake when it sleeps); it never waits. On a machine with no free core the woken
 *       coordinator may run its commit on the reporting thread's core before that thread resumes.</li>
 *   <li>The committer and the error handler run on the coordinator thread only, one call at a
 *       time. Commits are strictly in epoch order, each epoch exactly once.</li>
 *   <li>{@code lastCommittedEpoch} is written by the coordinator thread only (release) and read
 *       anywhere (acquire).</li>
 *   <li>{@link #awaitCommitted}, {@link #requestEpochAdvance}, {@link #stop} and {@link #close}
 *       are control-path calls for any thread except as noted; the coordinator thread signals
 *       {@link #awaitCommitted}'s condition once per commit, off the data path.</li>
 * </ul>
 *
 * <p>Back-pressure: at most {@code maxOutstandingEpochs} epochs may be ended and uncommitted. When
 * commits lag that far the clock holds, so epochs get longer instead of buffering without bound.
 * (Spark fails the query when its {@code epochBacklogQueueSize} is exceeded.)
 *
 * <p>Errors: a report that breaks the protocol (duplicate, already committed, not yet ended,
 * partition out of range) goes to the error handler as an {@link EpochReportException} and is
 * ignored; the coordinator keeps running. A committer exception (or any other failure of the
 * coordinator thread) goes to the error handler once, and the thread ends: no further epochs are
 * advanced or committed.
 *
 * @param <O> the source's partition offset type, carried from {@link #report} to the committer
 * @param <M> the sink's commit message type, carried the same way
 */
public final class EpochCoordinator<O, M> implements AutoCloseable {
    /** Default bound on ended-but-uncommitted epochs. */
    public static final int DEFAULT_MAX_OUTSTANDING_EPOCHS = 128;
    /** How long {@link #close()} waits for the coordinator thread to end. */
    public static final long DEFAULT_STOP_TIMEOUT_MS = 10_000;
    /** Longest park while the clock is held (events wake the thread before it). */
    private static final long HELD_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Prefix of the coordinator thread's name. */
    public static final String THREAD_NAME_PREFIX = "tideway-epoch-coordinator-";

    private static final VarHandle CURRENT_EPOCH;
    private static final VarHandle LAST_COMMITTED_EPOCH;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CURRENT_EPOCH = lookup.findVarHandle(EpochCoordinator.class, "currentEpoch", long.class);
            LAST_COMMITTED_EPOCH = lookup.findVarHandle(EpochCoordinator.class, "lastCommittedEpoch", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final int partitions;
    private final int maxOutstandingEpochs;
    private final EpochCommitter<O, M> committer;
    private final ErrorHandler errorHandler;
    /** Producers: task threads. Consumer: coordinator thread. */
    private final ManyToOneConcurrentArrayQueue<PartitionReport<O, M>> reports;
    /** Coordinator thread only. */
    private final PendingEpochs<O, M> pending;
    /** Coordinator thread only. */
    private final EpochClock clock;
    /** Coordinator thread only; {@link ParkUntilDue} unless the constructor was given one. */
    private final IdleStrategy idleStrategy;
    private final Consumer<PartitionReport<O, M>> onReport = this::onReport;
    private final ReentrantLock commitLock = new ReentrantLock();
    private final Condition committed = commitLock.newCondition();
    /** Incremented by any thread in {@link #requestEpochAdvance()}. */
    private final AtomicLong advanceRequests = new AtomicLong();
    private final DutyCycle dutyCycle = new DutyCycle();
    /** Set once by {@link #start(AgentThreads)} (the starting thread); null until then. */
    private volatile RunningAgent agent;
    /**
     * The coordinator thread, set by itself as its agent starts, so a report or request that
     * reads null was offered before the agent's first duty cycle and is seen by it. Read by any
     * thread to wake the coordinator.
     */
    private volatile Thread thread;

    /** Written by the coordinator thread only (setRelease); read by readers (getAcquire). */
    private long currentEpoch;
    /** Written by the coordinator thread only (setRelease); read anywhere (getAcquire). */
    private long lastCommittedEpoch;
    /** Coordinator thread only: the value of {@link #advanceRequests} last acted on. */
    private long servedAdvanceRequests;
    /** Cleared by {@link #stop} (any thread) or on failure (coordinator thread). */
    private volatile boolean running = true;
    /** Set by the coordinator thread when its loop has ended. */
    private volatile boolean terminated;
    /** Set by the starting thread in {@link #start(AgentThreads)}. */
    private volatile boolean started;

    /**
     * A coordinator with {@link #DEFAULT_MAX_OUTSTANDING_EPOCHS} that, once started, sleeps between
     * events: with nothing to do, its thread parks until the next epoch is due, and a report, an
     * advance request or {@link #stop} wakes it. So it is woken a few times per epoch, not
     * polling (a backoff strategy's ~1000 wake-ups a second each preempted a spinning reader or
     * task on a 2-core box).
     *
     * @param name         names the thread, {@code tideway-epoch-coordinator-<name>}, and errors
     * @param partitions   how many partitions must report each epoch, {@code >= 1}
     * @param firstEpoch   the first epoch to run (last committed + 1, or 0), {@code >= 0}
     * @param intervalMs   epoch length ({@code Trigger.Continuous} interval), {@code >= 1}
     * @param committer    commits each epoch on the coordinator thread
     * @param errorHandler receives protocol errors and the committer's failure
     */
    public EpochCoordinator(String name, int partitions, long firstEpoch, long intervalMs,
                            EpochCommitter<O, M> committer, ErrorHandler errorHandler) {
        this(name, partitions, firstEpoch, intervalMs, DEFAULT_MAX_OUTSTANDING_EPOCHS,
                null, committer, errorHandler);
    }

    /**
     * A coordinator, not yet started: {@link #start(AgentThreads)} runs its duty cycle on a thread.
     *
     * @param maxOutstandingEpochs ended-but-uncommitted epochs after which the clock holds
     * @param idleStrategy         what the coordinator thread does when a duty cycle found no
     *                             work; owned by the coordinator thread from now on, not shared;
     *                             null: park until the next epoch is due or an event wakes it
     */
    public EpochCoordinator(String name, int partitions, long firstEpoch, long intervalMs,
                            int maxOutstandingEpochs, IdleStrategy idleStrategy,
                            EpochCommitter<O, M> committer, ErrorHandler errorHandler) {
        this.name = Objects.requireNonNull(name, "name");
        this.committer = Objects.requireNonNull(committer, "committer");
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        this.idleStrategy = idleStrategy != null ? idleStrategy : new ParkUntilDue();
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        if (firstEpoch < 0) {
            throw new IllegalArgumentException("firstEpoch must be >= 0, was " + firstEpoch);
        }
        if (maxOutstandingEpochs < 1 || maxOutstandingEpochs > 1 << 20) {
            throw new IllegalArgumentException(
                    "maxOutstandingEpochs must be in [1, 1048576], was " + maxOutstandingEpochs);
        }
        int ringCapacity = BitUtil.findNextPositivePowerOfTwo(maxOutstandingEpochs);
        long queueCapacity = (long) partitions * ringCapacity;
        if (queueCapacity > 1 << 24) {
            throw new IllegalArgumentException("partitions x maxOutstandingEpochs must be <= 16777216, was "
                    + partitions + " x " + maxOutstandingEpochs);
        }
        this.partitions = partitions;
        this.maxOutstandingEpochs = maxOutstandingEpochs;
        this.clock = new EpochClock(intervalMs, System.nanoTime());
        this.pending = new PendingEpochs<>(partitions, ringCapacity);
        this.reports = new ManyToOneConcurrentArrayQueue<>((int) queueCapacity);
        this.currentEpoch = firstEpoch;
        this.lastCommittedEpoch = firstEpoch - 1;
    }

    /** {@link #start(AgentThreads)} on daemon threads. */
    public EpochCoordinator<O, M> start() {
        return start(AgentThreads.DAEMON);
    }

    /**
     * Runs the duty cycle on a thread from {@code threads}: from now on the coordinator thread owns
     * the clock, the pending reports and the idle strategy. Once only; the constructing thread.
     *
     * @return this
     */
    public EpochCoordinator<O, M> start(AgentThreads threads) {
        if (started) {
            throw new IllegalStateException("Epoch coordinator " + name + " is already started");
        }
        started = true;
        // Thread.start() inside publishes every field written so far to the new thread.
        agent = threads.start(dutyCycle, idleStrategy, this::notifyError);
        return this;
    }

    /**
     * The duty cycle as an agent, for a caller that runs it itself (a test stepping it with
     * {@code doWork()} on its own thread, which is then the coordinator thread) instead of
     * {@link #start(AgentThreads)}.
     */
    Agent dutyCycle() {
        return dutyCycle;
    }

    /** The name given at construction. */
    public String name() {
        return name;
    }

    /** How many partitions report each epoch. */
    public int partitions() {
        return partitions;
    }

    /** The epoch readers are in now (acquire read of a field only the coordinator thread writes). */
    public long currentEpoch() {
        return (long) CURRENT_EPOCH.getAcquire(this);
    }

    /** The newest committed epoch, or first epoch - 1 if none; any thread (acquire read). */
    public long lastCommittedEpoch() {
        return (long) LAST_COMMITTED_EPOCH.getAcquire(this);
    }

    /** True until {@link #stop} is called or the coordinator thread fails. */
    public boolean isRunning() {
        return running && !terminated;
    }

    /**
     * Reports that {@code partition} reached the marker of {@code epoch} with its writer flushed.
     * Any thread; lock-free, never blocks.
     *
     * @return false if the coordinator is stopped or failed, or its queue is full (possible only
     *         when reports break the protocol); the report was then dropped
     */
    public boolean report(int partition, long epoch, O partitionOffset, M commitMessage) {
        if (!running || !reports.offer(new PartitionReport<>(partition, epoch, partitionOffset, commitMessage))) {
            return false;
        }
        LockSupport.unpark(thread); // once per partition and epoch: cheap next to the commit it may trigger
        return true;
    }

    /**
     * Asks the coordinator thread to end the current epoch now, without waiting for the interval
     * (stop uses it so that everything read gets committed). Any thread; returns immediately.
     * Requests made before the coordinator acts on them are served by one advance. Every report
     * offered before this call is processed, and every epoch it completes committed, before the
     * advance serving this request becomes visible in {@link #currentEpoch()} (a timer tick may
     * end the epoch first; the served advance then ends a later one). The advance is delayed
     * while {@code maxOutstandingEpochs} epochs are uncommitted.
     *
     * @return the epoch this request ends (the current epoch at the call); await its commit with
     *         {@link #awaitCommitted}
     */
    public long requestEpochAdvance() {
        long epoch = currentEpoch();
        advanceRequests.incrementAndGet();
        LockSupport.unpark(thread);
        return epoch;
    }

    /**
     * Waits until {@code epoch} is committed. Any thread but the coordinator thread.
     *
     * @throws IllegalStateException if called on the coordinator thread (from the committer)
     *
     * @return true if it is committed; false if the timeout passed or the coordinator ended first
     */
    public boolean awaitCommitted(long epoch, long timeoutMs) throws InterruptedException {
        Thread coordinatorThread = thread;
        if (Thread.currentThread() == coordinatorThread) {
            throw new IllegalStateException("awaitCommitted(" + epoch + ") called on " + coordinatorThread.getName()
                    + ", the thread that commits: it would wait for itself");
        }
        long remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        commitLock.lock();
        try {
            while (lastCommittedEpoch() < epoch) {
                if (terminated || remaining <= 0) {
                    return false;
                }
                remaining = committed.awaitNanos(remaining);
            }
            return true;
        } finally {
            commitLock.unlock();
        }
    }

    /**
     * Stops the clock and the coordinator thread; uncommitted epochs stay uncommitted and later
     * reports are dropped. Idempotent. From the coordinator thread itself (inside the committer or
     * error handler) it only asks the loop to end and returns false.
     *
     * @return true if the coordinator thread has ended within {@code timeoutMs}
     */
    public boolean stop(long timeoutMs) {
        running = false;
        Thread coordinatorThread = thread;
        LockSupport.unpark(coordinatorThread);
        if (Thread.currentThread() == coordinatorThread) {
            return false;
        }
        RunningAgent runner = agent;
        if (runner == null) {
            terminated = true; // never started: nothing will run the loop or its onClose
            signalCommitted();
            return true;
        }
        return runner.stop(timeoutMs);
    }

    /**
     * {@link #stop(long)} with {@link #DEFAULT_STOP_TIMEOUT_MS}.
     *
     * @throws IllegalStateException if the thread did not end in time (stuck in the committer)
     */
    @Override
    public void close() {
        if (!stop(DEFAULT_STOP_TIMEOUT_MS) && Thread.currentThread() != thread) {
            throw new IllegalStateException("Epoch coordinator thread " + THREAD_NAME_PREFIX + name + " did not stop within "
                    + DEFAULT_STOP_TIMEOUT_MS + " ms (last committed epoch " + lastCommittedEpoch() + ")");
        }
    }

    /**
     * The coordinator's duty cycle: {@link #doWork()} until stopped or failed. A failure (the
     * committer's, or any other) goes to the error handler once and ends the loop.
     */
    private final class DutyCycle implements Agent {
        @Override
        public void onStart() {
            thread = Thread.currentThread();
        }

        @Override
        public int doWork() {
            if (!running) {
                throw new AgentTerminationException();
            }
            try {
                return EpochCoordinator.this.doWork();
            } catch (Throwable t) {
                running = false;
                notifyError(t);
                throw new AgentTerminationException();
            }
        }

        @Override
        public void onClose() {
            terminated = true;
            signalCommitted();
        }

        @Override
        public String roleName() {
            return THREAD_NAME_PREFIX + name;
        }
    }

    /**
     * With no idle strategy given: parks until the next epoch is due; while the clock is held by
     * uncommitted epochs, until a report wakes it. Every other event ({@link #report},
     * {@link #requestEpochAdvance}, {@link #stop}) unparks the thread, and a permit given before
     * the park makes it return at once, so no event is missed. The bound only limits the damage of
     * a bug. Coordinator thread only.
     */
    private final class ParkUntilDue implements IdleStrategy {
        @Override
        public void idle(int workCount) {
            if (workCount <= 0) {
                idle();
            }
        }

        @Override
        public void idle() {
            long untilDue = clock.nanosUntilDue(System.nanoTime());
            LockSupport.parkNanos(EpochCoordinator.this, untilDue > 0 ? untilDue : HELD_PARK_NANOS);
        }

        @Override
        public void reset() {
        }
    }

    /** One duty cycle; returns the work done (reports drained, epochs committed, epochs advanced). */
    private int doWork() throws Exception {
        // Read the request before draining, so reports offered before a request are drained and
        // committed before the advance it causes becomes visible.
        long requests = advanceRequests.get();
        int work = reports.drain(onReport);
        work += commitCompleteEpochs();
        long now = System.nanoTime();
        boolean requested = requests != servedAdvanceRequests;
        boolean due = clock.isDue(now);
        if ((requested || due) && running && currentEpoch - 1 - lastCommittedEpoch < maxOutstandingEpochs) {
            servedAdvanceRequests = requests;
            if (due) {
                clock.onTick(now);
            }
            CURRENT_EPOCH.setRelease(this, currentEpoch + 1);
            work++;
        }
        return work;
    }

    private int commitCompleteEpochs() throws Exception {
        int commits = 0;
        while (running && pending.isComplete(lastCommittedEpoch + 1)) {
            long epoch = lastCommittedEpoch + 1;
            List<PartitionReport<O, M>> epochReports = pending.take(epoch);
            committer.commit(epoch, epochReports);
            LAST_COMMITTED_EPOCH.setRelease(this, epoch);
            signalCommitted();
            commits++;
        }
        return commits;
    }

    private void onReport(PartitionReport<O, M> report) {
        int partition = report.partition();
        long epoch = report.epoch();
        EpochReportException rejected = null;
        if (partition < 0 || partition >= partitions) {
            rejected = EpochReportException.unknownPartition(name, partition, epoch, partitions);
        } else if (epoch <= lastCommittedEpoch) {
            rejected = EpochReportException.alreadyCommitted(name, partition, epoch, lastCommittedEpoch);
        } else if (epoch >= currentEpoch) {
            rejected = EpochReportException.notEnded(name, partition, epoch, currentEpoch);
        } else if (!pending.put(report)) {
            rejected = EpochReportException.duplicate(name, partition, epoch);
        }
        if (rejected != null) {
            notifyError(rejected);
        }
    }

    private void notifyError(Throwable error) {
        try {
            errorHandler.onError(error);
        } catch (Throwable handlerFailure) {
            handlerFailure.addSuppressed(error);
            Thread self = Thread.currentThread();
            self.getUncaughtExceptionHandler().uncaughtException(self, handlerFailure);
        }
    }

    private void signalCommitted() {
        commitLock.lock();
        try {
            committed.signalAll();
        } finally {
            commitLock.unlock();
        }
    }
}
