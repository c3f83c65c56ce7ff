package io.tideway.microbatch;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.checkpoint.OffsetSeq;
import io.tideway.checkpoint.OffsetSeqMetadata;
import io.tideway.checkpoint.RecoveryPoint;
import io.tideway.engine.state.StateSchemaCheck;
import io.tideway.engine.exec.PlanShape;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.StreamingRelation;
import io.tideway.engine.exec.ObservedMetrics;
import io.tideway.engine.plan.WatermarkFilterPushdown;
import io.tideway.engine.query.ProgressTimestamp;
import io.tideway.engine.query.CommitProtocol;
import io.tideway.engine.query.QuerySpec;
import io.tideway.engine.query.StreamExecution;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.StreamSource;
import io.tideway.microbatch.stateful.StatefulStage;
import io.tideway.microbatch.stateful.WatermarkTracker;
import io.tideway.sql.RuntimeConfig;
import io.tideway.sql.streaming.AvailableNowTrigger;
import io.tideway.sql.streaming.OneTimeTrigger;
import io.tideway.sql.streaming.ProcessingTimeTrigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The micro-batch trigger loop (Spark's {@code MicroBatchExecution}): per batch N, ask each
 * source for its latest offset; if there is new data, write {@code offsets/N}, run the batch,
 * commit the sink and the sources, write {@code commits/N}. On restart a batch whose offsets were
 * logged but not committed is re-run with the same offsets and timestamp first. Everything here
 * runs on the query thread; batch tasks run on the worker pool.
 */
final class MicroBatchExecution extends StreamExecution {
    private static final Logger LOG = LoggerFactory.getLogger(MicroBatchExecution.class);
    /** The plan batches run: the query's, with filters moved below watermarks as Spark's optimizer does. */
    private final LogicalPlan plan;
    private final List<StreamingRelation> relations = new ArrayList<>();
    private final List<StreamSource> sources = new ArrayList<>();
    private final EvalContext ctx;
    /** The checkpoint's writes and the settings pinned in it; query thread. */
    private final CommitProtocol commits;
    /** {@code spark.sql.streaming.metricsEnabled}: progress also carries each source's end-to-end latency. */
    private final boolean metricsEnabled;
    private Offset[] committed;
    private Offset[] available;
    private WorkerPool pool;
    private BatchRunner runner;
    private WatermarkTracker watermarks;
    /** {@code spark.sql.streaming.noDataMicroBatches.enabled}: stateful operators may run batches without data. */
    private boolean noDataBatches;
    /** The watermark the last batch ran with: the next batch drops late input rows against it. */
    private long lastBatchWatermarkMs;
    private long nextBatchId;
    private long lastTriggerStartMs = -1;
    /** When the last progress (batch or idle) was recorded; idle reports wait the configured interval after it. */
    private long lastProgressMs;

    MicroBatchExecution(QuerySpec spec) {
        super(spec);
        ctx = EvalContext.forSettings(io.tideway.engine.conf.TidewayConf.reader(spec.session().conf())).forStream();
        plan = WatermarkFilterPushdown.apply(spec.plan());
        commits = new CommitProtocol(checkpoint, spec.session().conf(), 1);
        metricsEnabled = TidewayConf.METRICS_ENABLED.get(spec.session().conf());
        for (LogicalPlan leaf : PlanShape.leaves(plan)) {
            if (leaf instanceof StreamingRelation r) {
                relations.add(r);
            }
        }
    }

    @Override
    protected void runActivatedStream() throws Exception {
        io.tideway.engine.plan.SetOperation.checkStreaming(plan, spec.outputMode()); // as Spark plans its first batch
        // before anything is written: offsets/ behind commits/ (deleted or lost) would redo committed batches
        commits.requireCommitsNotAheadOfOffsets();
        RecoveryPoint recovery = commits.recover(false);
        openSources();
        RuntimeConfig conf = spec.session().conf();
        int shufflePartitions = TidewayConf.SHUFFLE_PARTITIONS.parse(commits.pinned(TidewayConf.SHUFFLE_PARTITIONS.key()));
        pool = new WorkerPool(spec.name() == null ? "query" : spec.name(), Runtime.getRuntime().availableProcessors());
        runner = new BatchRunner(plan, relations, sources, spec.sink(), spec.outputMode(), pool, ctx,
                shufflePartitions, checkpoint::stateDir,
                TidewayConf.MIN_DELTAS_FOR_SNAPSHOT.get(conf),
                TidewayConf.MIN_BATCHES_TO_RETAIN.get(conf),
                TidewayConf.MAINTENANCE_INTERVAL.get(conf),
                spec.name() == null ? "query " + id() : spec.name());

        runner.stages().forEach(s -> s.identify(id(), runId()));
        StateSchemaCheck.verifyAndRecord(checkpoint, runner.stages().stream().map(StatefulStage::stateSchema).toList());
        watermarks = new WatermarkTracker(plan, commits.pinned(WatermarkTracker.POLICY_CONF));
        watermarks.restore(recovery.watermarkMs());
        noDataBatches = !runner.stages().isEmpty() && TidewayConf.NO_DATA_MICRO_BATCHES.get(conf);
        if (recovery.nextBatchId() > 0) {
            runner.stages().forEach(StatefulStage::restored);
        }
        OffsetSeq lastRun = recovery.committedOffsets();
        lastBatchWatermarkMs = lastRun == null || lastRun.metadata() == null ? 0 : lastRun.metadata().batchWatermarkMs();
        committed = offsetsOf(recovery.committedOffsets());
        available = committed.clone();
        nextBatchId = recovery.nextBatchId();
        logStartOffsets(recovery);
        if (recovery.isRerun()) {
            OffsetSeq rerun = recovery.rerunOffsets();
            Offset[] end = offsetsOf(rerun);
            long ts = rerun.metadata() == null ? System.currentTimeMillis() : rerun.metadata().batchTimestampMs();
            runBatch(nextBatchId, end, ts, false, System.currentTimeMillis(), 0);
        }
        boolean availableNow = spec.trigger() instanceof AvailableNowTrigger;
        boolean once = spec.trigger() instanceof OneTimeTrigger;
        if (availableNow) {
            sources.forEach(StreamSource::prepareForTriggerAvailableNow);
        }
        long interval = spec.trigger() instanceof ProcessingTimeTrigger pt ? pt.intervalMs() : 0;
        long pollingDelay = TidewayConf.POLLING_DELAY.get(conf);
        while (!isStopRequested()) {
            long triggerStart = System.currentTimeMillis();
            boolean ranBatch = runTrigger(once ? ReadLimit.ALL_AVAILABLE : ReadLimit.SOURCE_DEFAULT, triggerStart);
            if (availableNow && !ranBatch) {
                LOG.info("Finished processing all available data for the trigger, terminating this Trigger.AvailableNow query");
                return;
            }
            if (once) {
                return;
            }
            if (interval > 0) {
                updateStatus("Waiting for next trigger", false, false);
                long next = (triggerStart / interval) * interval + interval;
                sleepUnlessStopped(Math.max(0, next - System.currentTimeMillis()));
            } else if (!ranBatch) {
                sleepUnlessStopped(pollingDelay);
            }
        }
    }

    /** Spark's lines saying where the run starts: a new query, or the batch it resumes at. */
    private void logStartOffsets(RecoveryPoint recovery) {
        if (nextBatchId == 0 && !recovery.isRerun()) {
            LOG.info("Starting new streaming query.");
        } else if (LOG.isInfoEnabled()) {
            Offset[] availableAtStart = recovery.isRerun() ? offsetsOf(recovery.rerunOffsets()) : committed;
            LOG.info("Resuming at batch {} with committed offsets {} and available offsets {}", nextBatchId,
                    describe(committed, true), describe(availableAtStart, true));
        }
        if (LOG.isInfoEnabled()) {
            LOG.info("Stream started from {}", describe(committed, true));
        }
    }

    private void openSources() {
        for (int i = 0; i < relations.size(); i++) {
            StreamingRelation r = relations.get(i);
            SourceContext sc = new SourceContext(r.options(), r.schema(), checkpoint.sourceDir(i),
                    spec.session().conf().getAll());
            sources.add(r.provider().create(sc));
        }
    }

    private Offset[] offsetsOf(OffsetSeq seq) {
        Offset[] out = new Offset[sources.size()];
        if (seq == null) {
            return out;
        }
        if (seq.offsets().size() != sources.size()) {
            // Spark checks this with Scala's assert, so a ported program sees an AssertionError
            throw new AssertionError("assertion failed: There are [" + seq.offsets().size() + "] sources in the checkpoint offsets "
                    + "and now there are [" + sources.size() + "] sources requested by the query. Cannot continue.");
        }
        for (int i = 0; i < out.length; i++) {
            String json = seq.offsets().get(i);
            out[i] = json == null ? null : sources.get(i).deserializeOffset(json);
        }
        return out;
    }

    /** One trigger: returns whether a batch with new data ran. */
    private boolean runTrigger(ReadLimit limit, long triggerStart) throws Exception {
        long t0 = System.nanoTime();
        Offset[] latest = new Offset[sources.size()];
        boolean newData = false;
        for (int i = 0; i < sources.size(); i++) {
            updateStatus("Getting offsets from " + sources.get(i).description(), false, true);
            latest[i] = sources.get(i).latestOffset(committed[i], limit);
            if (latest[i] == null) {
                latest[i] = committed[i];
            }
            newData |= latest[i] != null && (committed[i] == null || !committed[i].json().equals(latest[i].json()));
        }
        long latestOffsetMs = (System.nanoTime() - t0) / 1_000_000;
        available = latest;
        if (!newData && noDataBatches && wantsBatchWithoutData()) {
            runBatch(nextBatchId, committed.clone(), System.currentTimeMillis(), true, triggerStart, latestOffsetMs);
            return true;
        }
        if (!newData) {
            updateStatus("Waiting for data to arrive", false, false);
            signalNoNewData(t0);
            reportIdle(triggerStart);
            return false;
        }
        runBatch(nextBatchId, latest, System.currentTimeMillis(), true, triggerStart, latestOffsetMs);
        return true;
    }

    private boolean wantsBatchWithoutData() {
        long now = System.currentTimeMillis();
        for (StatefulStage s : runner.stages()) {
            if (s.wantsBatchWithoutData(now, watermarks.currentMs(), lastBatchWatermarkMs)) {
                return true;
            }
        }
        return false;
    }

    private void runBatch(long batchId, Offset[] end, long batchTimestampMs, boolean writeOffsets,
                          long triggerStart, long latestOffsetMs) throws Exception {
        MicroBatchEvent event = new MicroBatchEvent();
        event.begin();
        long t0 = System.nanoTime();
        long walMs = 0;
        if (writeOffsets) {
            updateStatus("Writing offsets to log", true, true);
            List<String> jsons = new ArrayList<>();
            for (Offset o : end) {
                jsons.add(o == null ? null : o.json());
            }
            OffsetSeqMetadata written = commits.writeOffsets(batchId, watermarks.currentMs(), batchTimestampMs, jsons);
            if (LOG.isInfoEnabled()) {
                LOG.info("Committed offsets for batch {}. Metadata {}", batchId, scalaForm(written));
            }
            // as Spark: once this batch's offsets are durable, each source may discard what the
            // previous batch read (the file source's cleanSource then archives or deletes its files)
            for (int i = 0; i < sources.size(); i++) {
                if (committed[i] != null) {
                    sources.get(i).commit(committed[i]);
                }
            }
            walMs = (System.nanoTime() - t0) / 1_000_000;
        }
        updateStatus("Processing new data", true, true);
        ctx.setBatchTimestampMs(batchTimestampMs);
        long batchWatermarkMs = watermarks.currentMs();
        ctx.setWatermarkMs(batchWatermarkMs);
        ctx.setLateEventsWatermarkMs(lastBatchWatermarkMs);
        watermarks.startBatch(ctx);
        long t1 = System.nanoTime();
        BatchMetrics m = runner.run(batchId, committed, end);
        Map<String, io.tideway.sql.Row> observed = ObservedMetrics.takeAll(plan, ctx);
        watermarks.advance(ctx);
        lastBatchWatermarkMs = batchWatermarkMs;
        long addBatchMs = (System.nanoTime() - t1) / 1_000_000;
        long t2 = System.nanoTime();
        commits.commit(batchId, watermarks.currentMs());
        long committedAtNanos = System.nanoTime();
        long commitMs = (committedAtNanos - t2) / 1_000_000;
        if (event.shouldCommit()) {
            event.query = displayName();
            event.batchId = batchId;
            event.inputRows = java.util.Arrays.stream(m.inputRows()).sum();
            event.commit();
        }
        Offset[] start = committed;
        committed = end.clone();
        nextBatchId = batchId + 1;
        long totalMs = (System.nanoTime() - t0) / 1_000_000 + latestOffsetMs;
        recordProgress(ProgressBuilder.batch(this, spec, batchId, triggerStart, lastTriggerStartMs, sources, start, end,
                m, Map.of("latestOffset", latestOffsetMs, "walCommit", walMs, "addBatch", addBatchMs,
                        "commitOffsets", commitMs, "queryPlanning", 0L, "getBatch", 0L, "triggerExecution", totalMs),
                watermarks.eventTimeProgress(ctx, batchWatermarkMs), metricsEnabled ? committedAtNanos : -1, observed));
        lastTriggerStartMs = triggerStart;
        lastProgressMs = System.currentTimeMillis();
        updateStatus("Waiting for data to arrive", false, false);
    }

    private void reportIdle(long triggerStart) {
        long interval = TidewayConf.NO_DATA_PROGRESS_INTERVAL.get(spec.session().conf());
        if (triggerStart - lastProgressMs >= interval) {
            // as Spark, the idle line once a report (of a batch or of idleness) came before
            boolean reportedBefore = lastProgressMs > 0;
            lastProgressMs = triggerStart;
            recordIdleProgress(ProgressBuilder.idle(this, spec, nextBatchId, triggerStart, sources, committed,
                    watermarks.hasWatermark() ? Map.of("watermark", ProgressTimestamp.format(watermarks.currentMs())) : Map.of()),
                    reportedBefore ? interval : -1);
        }
    }

    @Override
    protected String committedOffsetsDescription() {
        return describe(committed, false);
    }

    @Override
    protected String availableOffsetsDescription() {
        return describe(available, false);
    }

    /** Offsets per source; {@code skipMissing} leaves out a source without one, as Spark's log lines do. */
    private String describe(Offset[] offsets, boolean skipMissing) {
        if (offsets == null) {
            return "{}";
        }
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < Math.min(offsets.length, sources.size()); i++) {
            if (offsets[i] != null || !skipMissing) {
                j.add(sources.get(i).description() + ": " + (offsets[i] == null ? "-" : offsets[i].json()));
            }
        }
        return j.toString();
    }

    /** The batch metadata as Spark's log line prints its case class: {@code OffsetSeqMetadata(wm,ts,Map(k -> v))}. */
    private static String scalaForm(OffsetSeqMetadata m) {
        StringJoiner conf = new StringJoiner(", ", "Map(", ")");
        m.conf().forEach((k, v) -> conf.add(k + " -> " + v));
        return "OffsetSeqMetadata(" + m.batchWatermarkMs() + "," + m.batchTimestampMs() + "," + conf + ")";
    }

    @Override
    protected void cleanUp() {
        RuntimeException first = null;
        for (StreamSource s : sources) {
            try {
                s.stop();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        try {
            spec.sink().stop();
        } catch (RuntimeException e) {
            first = first == null ? e : first;
        }
        if (runner != null) {
            runner.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (first != null) {
            throw first;
        }
    }
}
