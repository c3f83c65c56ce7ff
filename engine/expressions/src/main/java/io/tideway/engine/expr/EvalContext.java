package io.tideway.engine.expr;

import java.time.ZoneId;
import java.util.IdentityHashMap;
import java.util.NoSuchElementException;
import java.util.Map;

/**
 * Values an expression or operator may read that are fixed per batch or epoch, such as the batch
 * timestamp that {@code current_timestamp()} returns (so a re-run batch sees the same time) and
 * the event-time watermark, plus the event-time statistics each {@code withWatermark} node
 * collects. Written by the thread that starts a batch before the batch's tasks run; read by them
 * after. Whether evaluation follows ANSI rules is fixed for the query when it is planned.
 *
 * <p>A task's context also names the input partition it evaluates ({@link #forPartition}), as
 * Spark's {@code Nondeterministic.initialize(partitionIndex)} does: {@code spark_partition_id()},
 * {@code monotonically_increasing_id()} and the seeded random functions read it when their code
 * is generated for the task. The views of one query share its batch values and statistics.
 */
public final class EvalContext {
    private final boolean ansi;
    /** {@code spark.sql.session.timeZone}: the zone dates and local times are read and written in. */
    private final ZoneId timeZone;
    /** A streaming query's: seeded random functions take a random seed instead (Spark's SPARK-25010). */
    private final boolean randomSeeds;
    /** The input partition the task holding this view evaluates (0 for the query's own context). */
    private final int partitionIndex;
    /** What every partition's view of the query shares. */
    private final RunState run;

    /** The batch values and per-node statistics the tasks of one query share. */
    private static final class RunState {
        private volatile long batchTimestampMicros;
        private volatile long watermarkMs;
        private volatile long lateEventsWatermarkMs;
        private final Map<Object, EventTimeStats> eventTimeStats = new IdentityHashMap<>();
        /** What the tasks of a run share per plan node besides event-time statistics (observed metrics); guarded by itself. */
        private final Map<Object, Object> nodeState = new IdentityHashMap<>();
    }

    /** A context evaluating with ANSI rules, Spark 4's default. */
    public EvalContext() {
        this(true);
    }

    /** @param ansi the query's {@code spark.sql.ansi.enabled}: overflow, division by zero and malformed casts fail */
    public EvalContext(boolean ansi) {
        this(ansi, ZoneId.systemDefault());
    }

    /**
     * @param ansi     the query's {@code spark.sql.ansi.enabled}
     * @param timeZone the query's {@code spark.sql.session.timeZone}
     */
    public EvalContext(boolean ansi, ZoneId timeZone) {
        this(ansi, timeZone, false, 0, new RunState());
    }

    private EvalContext(boolean ansi, ZoneId timeZone, boolean randomSeeds, int partitionIndex, RunState run) {
        this.ansi = ansi;
        this.timeZone = timeZone;
        this.randomSeeds = randomSeeds;
        this.partitionIndex = partitionIndex;
        this.run = run;
    }

    /**
     * This context for a streaming query: Spark gives rand(seed) and the other seeded random
     * functions of a streaming query a random seed (its IncrementalExecution, SPARK-25010), so a
     * stream's values are not the seed's. Tideway draws it once per run, where Spark draws one per
     * micro-batch.
     */
    public EvalContext forStream() {
        return new EvalContext(ansi, timeZone, true, partitionIndex, run);
    }

    /**
     * The view of this query's context for the task evaluating input partition {@code index}
     * (Spark's {@code TaskContext.partitionId()}): it shares this context's batch values and
     * statistics. Expressions built with it number their rows and seed their generators from
     * {@code index}, so each task builds its chain with its own view.
     */
    public EvalContext forPartition(int index) {
        return index == partitionIndex ? this : new EvalContext(ansi, timeZone, randomSeeds, index, run);
    }

    /** The input partition this context's task evaluates ({@link #forPartition}); 0 for the query's own. */
    public int partitionIndex() {
        return partitionIndex;
    }

    /** Whether seeded random functions ignore their seed ({@link #forStream}). */
    public boolean randomSeeds() {
        return randomSeeds;
    }

    /** The context for a query of a session with these settings. */
    public static EvalContext forSettings(java.util.function.UnaryOperator<String> setting) {
        ZoneId zone;
        try {
            zone = ZoneId.of(setting.apply("spark.sql.session.timeZone"));
        } catch (NoSuchElementException e) { // unset: Spark's default is the JVM's zone
            zone = ZoneId.systemDefault();
        }
        return new EvalContext(Boolean.parseBoolean(setting.apply("spark.sql.ansi.enabled")), zone);
    }

    /** The session time zone ({@code spark.sql.session.timeZone}). */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** Whether expressions fail on overflow, division by zero and malformed casts (see {@link SqlArithmetic}). */
    public boolean ansi() {
        return ansi;
    }

    public long batchTimestampMicros() {
        return run.batchTimestampMicros;
    }

    public void setBatchTimestampMs(long ms) {
        run.batchTimestampMicros = ms * 1000L;
    }

    /** The event-time watermark this batch runs with (0 until one advanced it). */
    public long watermarkMs() {
        return run.watermarkMs;
    }

    public void setWatermarkMs(long ms) {
        run.watermarkMs = ms;
    }

    /**
     * The watermark input rows are judged late against: the one the previous batch ran with (0
     * for the first). Spark 4 drops late rows in batch N by batch N-1's watermark
     * ({@code WatermarkPropagator.getInputWatermarkForLateEvents}) but emits and evicts state by
     * batch N's ({@link #watermarkMs()}), so a row the new watermark already passed is still
     * aggregated once and leaves the state in the same batch.
     */
    public long lateEventsWatermarkMs() {
        return run.lateEventsWatermarkMs;
    }

    public void setLateEventsWatermarkMs(long ms) {
        run.lateEventsWatermarkMs = ms;
    }

    /** The batch's shared statistics of one watermark node (keyed by identity). */
    public EventTimeStats eventTimeStats(Object watermarkNode) {
        synchronized (run.eventTimeStats) {
            return run.eventTimeStats.computeIfAbsent(watermarkNode, k -> new EventTimeStats());
        }
    }

    /** The state the tasks of a run share for the plan node identified by {@code key} (by identity), made by {@code create} on first use. */
    @SuppressWarnings("unchecked")
    public <T> T nodeState(Object key, java.util.function.Supplier<T> create) {
        synchronized (run.nodeState) {
            return (T) run.nodeState.computeIfAbsent(key, k -> create.get());
        }
    }
}
