package io.tideway.continuous;

import io.tideway.agent.AgentThreads;
import io.tideway.checkpoint.RecoveryPoint;
import io.tideway.engine.conf.TidewayConf;
import io.tideway.engine.exec.ChainBuilder;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.StreamingRelation;
import io.tideway.engine.query.CommitProtocol;
import io.tideway.engine.query.QuerySpec;
import io.tideway.engine.query.StreamExecution;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.engine.spi.SourceContext;
import io.tideway.epoch.EpochCoordinator;
import io.tideway.epoch.PartitionReport;
import io.tideway.sql.streaming.ContinuousTrigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A continuous query (Spark's {@code ContinuousExecution}): one long-running reader and task per
 * source partition, joined by a Disruptor ring or run on one thread ({@link PartitionPipeline}), and an epoch coordinator that cuts the stream into
 * epochs and, off the hot path, writes {@code offsets/E}, commits the sink and writes
 * {@code commits/E} in epoch order — the same checkpoint files micro-batch writes. On restart it
 * resumes after the last committed epoch (at-least-once). The query thread starts and watches
 * the pipelines; it does no per-row work.
 *
 * <p>Threads and what each owns: the query thread (this executor's {@link #runActivatedStream},
 * the pipelines' lifecycle, {@link #cleanUp}); per partition a reader thread ({@link ReaderAgent})
 * and a task thread ({@link TaskHandler}, {@link EpochWriter}) where cores allow, else a
 * {@link ReaderThread} that reads and runs the tasks of one or more partitions; the coordinator
 * thread ({@link #commitEpoch}: the checkpoint writes and the sink's commit, nothing else, since on a
 * 2-core box it runs in a spinning thread's place). The coordinator hands each committed epoch to
 * the query thread ({@link CommittedEpoch}), which builds its progress report ({@link EpochProgress}).
 * Each field below names its writer. A thread whose stop timed out is left alone: nothing it owns
 * is touched from another thread.
 */
final class ContinuousExecution extends StreamExecution {
    private static final Logger LOG = LoggerFactory.getLogger(ContinuousExecution.class);
    /**
     * Old log entries are purged every this many epochs, not after each: a purge lists the
     * {@code offsets} and {@code commits} directories, which at short epochs cost the coordinator
     * more than the commit itself. At least {@code minBatchesToRetain} entries are always kept.
     */
    private static final long PURGE_EVERY_EPOCHS = 16;
    private final ContinuousSettings settings;
    private final StreamingRelation relation;
    private final long intervalMs;
    private final EvalContext ctx;
    private final AgentThreads threads;
    /** The checkpoint's writes: recovery on the query thread, then the coordinator thread's commits. */
    private final CommitProtocol commits;
    /**
     * Written once by the query thread before any other thread of the query starts (thread start
     * publishes it); then read by the coordinator thread (commits) and any thread (descriptions).
     */
    private volatile ContinuousStream stream;
    /**
     * The newest committed offsets: written by the query thread at each generation's start, while
     * no coordinator runs, and by the coordinator thread after each commit; read by any thread.
     */
    private volatile List<PartitionOffset> committed;
    /**
     * The first failure of the current generation: set once by whichever thread fails first (a
     * reader, a task, or the coordinator; compare-and-set, later failures are dropped), cleared
     * by the query thread before it starts the next generation.
     */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Epochs committed but not yet reported: the coordinator thread adds, the query thread takes. */
    private final Queue<CommittedEpoch> committedEpochs = new ConcurrentLinkedQueue<>();
    /** Query thread: the current generation's pipelines. */
    private List<PartitionPipeline> pipelines = List.of();
    /** Query thread: the current generation's coordinator, created before and closed after its pipelines. */
    private EpochCoordinator<PartitionOffset, TaskReport> coordinator;
    /** Query thread: builds the current generation's progress reports. */
    private EpochProgress progress;

    /** What the coordinator tells the query thread about one committed epoch; {@code offsetsJson} as written to {@code offsets/<epoch>}. */
    private record CommittedEpoch(long epoch, List<PartitionOffset> offsets, String offsetsJson, long inputRows,
                                  long outputRows, long commitMs, long committedAtMs) {
    }

    /** @param threads where the query's readers, tasks and epoch coordinator get their threads */
    ContinuousExecution(QuerySpec spec, AgentThreads threads) {
        super(spec);
        this.threads = threads;
        this.commits = new CommitProtocol(checkpoint, spec.session().conf(), PURGE_EVERY_EPOCHS);
        this.ctx = EvalContext.forSettings(TidewayConf.reader(spec.session().conf())).forStream();
        this.settings = ContinuousSettings.from(spec.session().conf());
        this.relation = ContinuousSupportChecker.check(spec.plan());
        this.intervalMs = ((ContinuousTrigger) spec.trigger()).intervalMs();
    }

    @Override
    protected void runActivatedStream() throws Exception {
        // before anything is written (the source may write sources/0): commits ahead of offsets would redo epochs
        commits.requireCommitsNotAheadOfOffsets();
        stream = relation.provider().createContinuous(new SourceContext(relation.options(), relation.schema(),
                checkpoint.sourceDir(0), spec.session().conf().getAll()));
        int restartsLeft = settings.maxTaskRestarts();
        boolean firstGeneration = true;
        while (true) {
            RecoveryPoint recovery = commits.recover(true);
            if (firstGeneration && recovery.committedOffsets() == null) {
                LOG.info("Starting new streaming query.");
            }
            firstGeneration = false;
            committed = recovery.committedOffsets() == null ? stream.initialOffsets()
                    : stream.deserializeOffsets(recovery.committedOffsets().offsets().get(0));
            long startEpoch = recovery.nextBatchId();
            failure.set(null);
            runPipelines(startEpoch);
            if (failure.get() == null || restartsLeft-- <= 0) {
                break;
            }
            LOG.warn("Restarting continuous tasks from epoch {} after: {}", coordinator.lastCommittedEpoch() + 1, failure.get());
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw failed instanceof Exception e ? e : new RuntimeException(failed);
        }
    }

    /** Runs one generation of pipelines until stop or failure; leaves them stopped. */
    private void runPipelines(long startEpoch) throws Exception {
        ctx.setBatchTimestampMs(System.currentTimeMillis());
        progress = new EpochProgress(this, spec, stream, committed);
        // the coordinator's clock starts now; readers that start a little later catch up with markers
        coordinator = new EpochCoordinator<>(spec.name() == null ? id().toString() : spec.name(), stream.numPartitions(),
                startEpoch, intervalMs, this::commitEpoch, t -> fail(-1, -1, t));
        List<PartitionPipeline> built = new ArrayList<>();
        int partitions = stream.numPartitions();
        int cores = Runtime.getRuntime().availableProcessors();
        boolean taskOnReaderThread = settings.taskOnReaderThread(partitions, cores);
        int readerThreads = ReaderThread.count(partitions, cores, taskOnReaderThread);
        // the readers of one thread share its wait (ReaderThread.threadOf places each partition)
        List<PacedIdleStrategy> sharedIdles = new ArrayList<>();
        for (int t = 0; taskOnReaderThread && t < readerThreads; t++) {
            sharedIdles.add(settings.waitStrategy().newReaderIdle(null, settings.spinWindowNanos()));
        }
        List<ReaderThread> readers = List.of();
        try {
            for (int p = 0; p < partitions; p++) {
                EpochWriter writer = new EpochWriter(spec.sink(), p, startEpoch);
                Operator chain = ChainBuilder.build(spec.plan(), relation, writer, ctx.forPartition(p));
                built.add(new PartitionPipeline(spec.name() == null ? "query" : spec.name(), p,
                        stream.createReader(p, committed.get(p)), chain, writer, coordinator::currentEpoch, startEpoch,
                        settings, taskOnReaderThread ? sharedIdles.get(ReaderThread.threadOf(p, readerThreads)) : null, coordinator::report,
                        this::fail));
            }
            pipelines = List.copyOf(built);
            readers = ReaderThread.spread(built, readerThreads);
            coordinator.start(threads);
            for (PartitionPipeline p : built) {
                p.startTask(threads);
            }
            for (ReaderThread r : readers) {
                r.start(threads, this::fail);
            }
            updateStatus("Running", true, true);
            do {
                awaitStopOr(() -> failure.get() != null || !committedEpochs.isEmpty());
                reportCommittedEpochs();
            } while (!isStopRequested() && failure.get() == null);
            if (failure.get() == null) {
                // cut a last epoch so what was read is committed before the threads stop
                long last = coordinator.requestEpochAdvance();
                coordinator.awaitCommitted(last, 10_000);
            }
            reportCommittedEpochs();
        } finally {
            try {
                coordinator.close();
            } finally {
                stopPipelines(built, readers);
            }
        }
    }

    /** Stops each reader thread, then the tasks of its partitions; a pipeline built but never given a thread is released here. */
    private static void stopPipelines(List<PartitionPipeline> built, List<ReaderThread> readers) throws InterruptedException {
        List<PartitionPipeline> left = new ArrayList<>(built);
        for (ReaderThread r : readers) {
            boolean started = r.started();
            boolean ended = r.stop(5_000);
            for (PartitionPipeline p : r.pipelines()) {
                p.stop(5_000, started, ended);
                left.remove(p);
            }
        }
        for (PartitionPipeline p : left) {
            p.stop(5_000, false, true);
        }
    }

    /** Any thread: records the generation's first failure and wakes the query thread; later ones are dropped. */
    private void fail(int partition, long epoch, Throwable cause) {
        String where = partition < 0 ? "epoch coordinator" : "partition " + partition + ", epoch " + epoch;
        if (failure.compareAndSet(null,
                new IllegalStateException("Continuous task failed (" + where + "): " + cause.getMessage(), cause))) {
            wakeQueryThread();
        }
    }

    /**
     * Coordinator thread: all partitions finished epoch E; make it durable, in order. With no free
     * core the commit (about 1 ms of CPU) runs in a spinning reader's or task's place; it yields
     * between its steps so that thread gets the core back after each step rather than after the
     * whole commit (shorter stalls; W1 checkpoint p99 lower in each of 3 runs at 100 ms and 1 s).
     */
    private void commitEpoch(long epoch, List<PartitionReport<PartitionOffset, TaskReport>> reports) throws Exception {
        EpochCommitEvent event = new EpochCommitEvent();
        event.begin();
        updateStatus("Committing epoch " + epoch, true, true);
        List<PartitionOffset> offsets = new ArrayList<>();
        List<CommitMessage> messages = new ArrayList<>();
        long input = 0;
        long output = 0;
        for (PartitionReport<PartitionOffset, TaskReport> r : reports) {
            offsets.add(r.offset());
            TaskReport t = r.commitMessage();
            messages.add(t.message());
            input += t.inputRows();
            output += t.outputRows();
        }
        long t0 = System.nanoTime();
        String line = stream.serializeOffsets(offsets);
        commits.writeOffsets(epoch, 0L, System.currentTimeMillis(), List.of(line));
        Thread.yield();
        spec.sink().commit(epoch, messages);
        commits.commit(epoch, 0L);
        Thread.yield();
        stream.commit(offsets);
        Thread.yield();
        committed = offsets;
        if (event.shouldCommit()) {
            event.query = displayName();
            event.epoch = epoch;
            event.inputRows = input;
            event.outputRows = output;
            event.commit();
        }
        committedEpochs.add(new CommittedEpoch(epoch, offsets, line, input, output,
                (System.nanoTime() - t0) / 1_000_000, System.currentTimeMillis()));
        updateStatus("Running", true, true);
        wakeQueryThread();
    }

    /** Query thread: a progress report per epoch the coordinator committed, in order. */
    private void reportCommittedEpochs() {
        CommittedEpoch c;
        while ((c = committedEpochs.poll()) != null) {
            recordProgress(progress.epoch(c.epoch(), c.offsets(), c.offsetsJson(), c.inputRows(), c.outputRows(),
                    c.commitMs(), c.committedAtMs(), pipelines));
            if (c.inputRows() == 0) {
                signalNoNewData();
            }
        }
    }

    @Override
    protected String committedOffsetsDescription() {
        return stream == null || committed == null ? "{}" : "{" + stream.description() + ": " + stream.serializeOffsets(committed) + "}";
    }

    @Override
    protected String availableOffsetsDescription() {
        return committedOffsetsDescription();
    }

    /** Query thread: the sink is stopped even when the source's stop fails. */
    /** An epoch's progress is logged at DEBUG: at sub-second epochs INFO would flood the log. */
    @Override
    protected Level progressLogLevel() {
        return Level.DEBUG;
    }

    @Override
    protected void cleanUp() {
        try {
            if (stream != null) {
                stream.stop();
            }
        } finally {
            spec.sink().stop();
        }
    }
}
