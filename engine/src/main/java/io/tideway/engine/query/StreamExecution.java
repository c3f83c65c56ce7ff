package io.tideway.engine.query;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.checkpoint.CheckpointDir;
import io.tideway.checkpoint.CheckpointLock;
import io.tideway.engine.metrics.QueryMBean;
import io.tideway.engine.sink.ForeachUserFunctionException;
import io.tideway.engine.util.FileTrees;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.StreamingQueryListener;
import io.tideway.sql.streaming.StreamingQueryProgress;
import io.tideway.sql.streaming.StreamingQueryStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The life of one run of a streaming query, shared by both executors: the query thread, state,
 * status, progress history, stop and await. An executor supplies {@link #runActivatedStream()}.
 * Public methods are thread-safe; fields marked "query thread" are written only by it.
 */
public abstract class StreamExecution implements StreamingQuery {
    private static final Logger LOG = LoggerFactory.getLogger(StreamExecution.class);
    protected final QuerySpec spec;
    protected final CheckpointDir checkpoint;
    /** The query's JMX bean with {@code spark.sql.streaming.metricsEnabled}, else null: set by {@link #start}, read by the query thread as it ends. */
    private volatile QueryMBean mbean;
    private final UUID id;
    private final UUID runId = UUID.randomUUID();
    private final int maxRecentProgress;
    private final ArrayDeque<StreamingQueryProgress> recent = new ArrayDeque<>();
    /** Opened by the query thread once the listeners have had the started event; {@link #start} waits on it. */
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Object progressLock = new Object();
    private volatile Thread thread;
    private volatile boolean stopRequested;
    private volatile StreamingQueryException failure;
    private volatile StreamingQueryStatus status = new StreamingQueryStatus("Initializing StreamExecution", false, false);
    private volatile boolean active;
    /**
     * When (nanoTime) the latest trigger that found no new data had started: processAllAvailable
     * waits for one that started after its call, so a trigger that looked before the caller added
     * data cannot end the wait.
     */
    private long noNewDataTriggerStartNanos = Long.MIN_VALUE;
    private StreamingQueryManagerHooks hooks;
    /**
     * The checkpoint's advisory lock, held for the run: taken by {@link #start} on the starting
     * thread before the query thread exists (so before any checkpoint write of the run), released
     * by the query thread as the run ends, before the run is reported terminated.
     */
    private CheckpointLock lock;

    protected StreamExecution(QuerySpec spec) {
        this.spec = spec;
        this.checkpoint = CheckpointDir.open(spec.checkpointRoot(), TidewayConf.CHECKPOINT_FSYNC.get(spec.session().conf()));
        this.id = checkpoint.readOrCreateMetadata(UUID.randomUUID());
        // again at start(): a value set before a rule applied (or by a path that bypassed conf().set) fails here
        TidewayConf.validateAll(spec.session().conf().getAll());
        this.maxRecentProgress = TidewayConf.NUM_RECENT_PROGRESS.get(spec.session().conf());
    }

    /** Runs triggers until stopped or done; throws on failure. Called on the query thread. */
    protected abstract void runActivatedStream() throws Exception;

    /** Offsets for the exception's debug text: committed and available, as JSON per source. */
    protected abstract String committedOffsetsDescription();

    protected abstract String availableOffsetsDescription();

    /** Releases sources and sinks; called once on the query thread as the run ends. */
    protected abstract void cleanUp();

    /**
     * Called by the manager: starts the query thread, which tells the listeners the query
     * started; returns once they have been told.
     */
    void start(StreamingQueryManagerHooks hooks) {
        // a second query on this checkpoint, here or in another JVM, is refused naming the holder
        lock = checkpoint.lock();
        this.hooks = hooks;
        active = true;
        if (TidewayConf.METRICS_ENABLED.get(spec.session().conf())) {
            mbean = QueryMBean.register(this);
        }
        LOG.info("Starting {}. Use {} to store the query checkpoint.", displayName(), qualified(spec.checkpointRoot()));
        Thread t = new Thread(this::runStream, "stream execution thread for " + displayName());
        t.setDaemon(true);
        thread = t;
        t.start();
        awaitStarted();
    }

    /** As Spark's {@code start()}: returns once the query thread has told the listeners it started. */
    private void awaitStarted() {
        boolean interrupted = false;
        while (true) {
            try {
                started.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the run has begun; wait for its started event all the same
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runStream() {
        Throwable error = null;
        try {
            // Spark's order: the listeners' onQueryStarted runs on this thread, then start() returns
            hooks.postNow(new StreamingQueryListener.QueryStartedEvent(id, runId, spec.name(), ProgressTimestamp.now()));
            started.countDown();
            updateStatus("Initializing sources", false, false);
            runActivatedStream();
        } catch (Throwable t) {
            if (!(stopRequested && isInterruption(t))) {
                error = LogUpdateErrors.asSpark(t);
            }
        } finally {
            try {
                cleanUp();
            } catch (RuntimeException e) {
                if (error == null) {
                    error = e;
                }
            }
            try {
                lock.close(); // before stop() returns, so a restart right after may take it
            } catch (RuntimeException e) {
                if (error == null) {
                    error = e;
                }
            }
            try {
                if (error != null) {
                    // Spark shows a user function's wrapped error in the message but gives the user's own exception as the cause
                    Throwable cause = error instanceof ForeachUserFunctionException ? error.getCause() : error;
                    failure = new StreamingQueryException(debugString(), cause, committedOffsetsDescription(),
                            availableOffsetsDescription(), "STREAM_FAILED", Map.of("id", id.toString(),
                                    "runId", runId.toString(), "message", error.getMessage() == null ? "" : error.getMessage()));
                    LOG.error("Query {} terminated with error", displayName(), error);
                    updateStatus("Terminated with exception: " + messageOf(error), false, false);
                } else {
                    updateStatus("Stopped", false, false);
                    if (spec.temporaryCheckpoint()) {
                        deleteTemporaryCheckpoint(spec.checkpointRoot());
                    }
                }
                active = false;
                if (mbean != null) {
                    mbean.unregister();
                }
                // unregister before releasing stop()/awaitTermination(), so a restart right after
                // stop() returns never sees this run as still active
                hooks.terminated(this, error == null ? null : messageOf(error), conditionOf(error));
                wakeQueryThread();
            } finally {
                // whatever the reporting above throws, stop() and awaitTermination() are released
                active = false;
                started.countDown();
                terminated.countDown();
            }
        }
    }

    private static boolean isInterruption(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The error condition Spark's {@code QueryTerminatedEvent.errorClassOnException} shows: the
     * failure's own condition when it is a {@code SparkThrowable}, else null. Unlike the query's
     * exception, a user function's error is not unwrapped: Spark reports
     * {@code FOREACH_BATCH_USER_FUNCTION_ERROR} for it.
     */
    private static String conditionOf(Throwable error) {
        return error instanceof io.tideway.SparkThrowable t ? t.getCondition() : null;
    }

    private static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.toString() : m;
    }

    protected final boolean isStopRequested() {
        return stopRequested;
    }

    protected final void updateStatus(String message, boolean dataAvailable, boolean triggerActive) {
        status = new StreamingQueryStatus(message, dataAvailable, triggerActive);
    }

    /** Query thread: a trigger found nothing new; wakes {@link #processAllAvailable()}. */
    protected final void signalNoNewData() {
        signalNoNewData(System.nanoTime());
    }

    /** Query thread: the trigger that started at {@code triggerStartNanos} (nanoTime) found nothing new. */
    protected final void signalNoNewData(long triggerStartNanos) {
        synchronized (progressLock) {
            noNewDataTriggerStartNanos = Math.max(noNewDataTriggerStartNanos, triggerStartNanos);
            progressLock.notifyAll();
        }
    }

    /** Query thread: waits up to {@code ms} or until stop is requested. */
    protected final void sleepUnlessStopped(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        synchronized (progressLock) {
            long left;
            while (!stopRequested && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(progressLock, left);
            }
        }
    }

    /**
     * Query thread: waits until stop is requested or {@code done} holds, without polling (on a
     * 2-core box a periodic wake-up preempts a continuous query's spinning reader or task).
     * Whoever makes {@code done} hold calls {@link #wakeQueryThread()}.
     */
    protected final void awaitStopOr(BooleanSupplier done) throws InterruptedException {
        synchronized (progressLock) {
            while (!stopRequested && !done.getAsBoolean()) {
                progressLock.wait();
            }
        }
    }

    /**
     * Any thread: wakes every thread waiting on the progress lock, so the query thread
     * ({@link #awaitStopOr}, {@link #sleepUnlessStopped}) and {@link #processAllAvailable()}
     * re-check their conditions.
     */
    protected final void wakeQueryThread() {
        synchronized (progressLock) {
            progressLock.notifyAll();
        }
    }

    /**
     * Query thread: records a trigger's progress report, tells listeners and logs it as Spark
     * does ({@code Streaming query made progress: <pretty JSON>}, at {@link #progressLogLevel()}).
     */
    protected final void recordProgress(StreamingQueryProgress p) {
        addProgress(p);
        // the JSON is rendered only when the level is enabled
        LOG.atLevel(progressLogLevel()).log("Streaming query made progress: {}", p);
    }

    /**
     * Query thread: keeps the report of a trigger that found no data in {@link #recentProgress()}
     * without posting it, as Spark's {@code ProgressReporter.updateIdleness}. {@code idleForMs} >= 0
     * (a report came before, at least {@code idleForMs} ago) also posts a {@code QueryIdleEvent}
     * stamped with the trigger's start and logs Spark's line saying the query has been idle that
     * long; -1 (nothing reported yet in this run) only keeps the report.
     */
    protected final void recordIdleProgress(StreamingQueryProgress p, long idleForMs) {
        keepProgress(p);
        if (idleForMs >= 0) {
            hooks.post(new StreamingQueryListener.QueryIdleEvent(id, runId, p.timestamp()));
            LOG.info("Streaming query has been idle and waiting for new data more than {} ms.", idleForMs);
        }
    }

    /** The level of each progress report's log line: INFO as Spark's micro-batches. */
    protected Level progressLogLevel() {
        return Level.INFO;
    }

    private void addProgress(StreamingQueryProgress p) {
        keepProgress(p);
        hooks.post(new StreamingQueryListener.QueryProgressEvent(p));
    }

    private void keepProgress(StreamingQueryProgress p) {
        synchronized (recent) {
            recent.addLast(p);
            while (recent.size() > maxRecentProgress) {
                recent.removeFirst();
            }
        }
    }

    public String displayName() {
        return (spec.name() == null ? "" : spec.name() + " ") + "[id = " + id + ", runId = " + runId + "]";
    }

    private String debugString() {
        return "=== Streaming Query ===\n"
                + "Identifier: " + displayName() + "\n"
                + "Current Committed Offsets: " + committedOffsetsDescription() + "\n"
                + "Current Available Offsets: " + availableOffsetsDescription() + "\n\n"
                + "Current State: " + (active ? "ACTIVE" : "TERMINATED") + "\n"
                + "Thread State: " + (thread == null ? "NEW" : thread.getState()) + "\n\n"
                + "Logical Plan:\n" + spec.plan().treeString();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public UUID runId() {
        return runId;
    }

    @Override
    public TidewaySession sparkSession() {
        return spec.session();
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public scala.Option<StreamingQueryException> exception() {
        return scala.Option.apply(failure);
    }

    @Override
    public StreamingQueryStatus status() {
        return status;
    }

    @Override
    public StreamingQueryProgress[] recentProgress() {
        synchronized (recent) {
            return recent.toArray(new StreamingQueryProgress[0]);
        }
    }

    @Override
    public StreamingQueryProgress lastProgress() {
        synchronized (recent) {
            return recent.peekLast();
        }
    }

    @Override
    public void awaitTermination() throws StreamingQueryException {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        throwIfFailed();
    }

    @Override
    public boolean awaitTermination(long timeoutMs) throws StreamingQueryException {
        if (timeoutMs <= 0) {
            // Spark: require(timeoutMs > 0, "Timeout has to be positive"), Scala's require prefix included.
            throw new IllegalArgumentException("requirement failed: Timeout has to be positive");
        }
        boolean done;
        try {
            done = terminated.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        throwIfFailed();
        return done;
    }

    private void throwIfFailed() throws StreamingQueryException {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void processAllAvailable() throws StreamingQueryException {
        long called = System.nanoTime();
        synchronized (progressLock) {
            while (noNewDataTriggerStartNanos < called && active) {
                try {
                    progressLock.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throwIfFailed();
    }

    @Override
    public void stop() throws TimeoutException {
        stopRequested = true;
        wakeQueryThread();
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        long timeoutMs = TidewayConf.STOP_TIMEOUT.get(spec.session().conf());
        try {
            if (timeoutMs > 0) {
                if (!terminated.await(timeoutMs, TimeUnit.MILLISECONDS)) {
                    throw new TimeoutException("Stream Execution thread for stream " + displayName()
                            + " failed to stop within " + timeoutMs + " milliseconds (specified by "
                            + "spark.sql.streaming.stopTimeout). See the cause on what was being executed in the streaming query thread.");
                }
            } else {
                terminated.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        LOG.info("Query {} was stopped", displayName());
    }

    @Override
    public void explain() {
        explain(false);
    }

    @Override
    public void explain(boolean extended) {
        System.out.println("== Physical Plan ==\n" + spec.plan().treeString());
    }

    @Override
    public String toString() {
        return "Streaming Query " + displayName() + " [state = " + (active ? "ACTIVE" : "TERMINATED") + "]";
    }

    /** A checkpoint path as Spark prints it: qualified with its file system ({@code file:/tmp/...}). */
    public static String qualified(Path checkpointRoot) {
        return "file:" + checkpointRoot.toAbsolutePath().normalize();
    }

    private static void deleteTemporaryCheckpoint(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        LOG.info("Deleting checkpoint {}.", qualified(root));
        try {
            FileTrees.delete(root);
        } catch (RuntimeException e) {
            // best effort, as Spark: a temporary checkpoint left behind is harmless
            LOG.warn("Cannot delete {}", qualified(root), e);
        }
    }
}
