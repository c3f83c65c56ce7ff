package io.tideway.microbatch.stateful;

import io.tideway.checkpoint.StateSchemaFile;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.UnaryNode;
import io.tideway.engine.state.StateStore;
import io.tideway.offheap.row.RowArena;
import io.tideway.sql.streaming.OutputMode;

import java.util.List;

/**
 * The stateful operator of a micro-batch plan, split at its shuffle: a map side run by each
 * reader task (fed by the fused chain below the operator, writing rows hashed by key into the
 * shuffle) and a reduce side run per state partition (reading that partition's rows, updating
 * the partition's {@link StateStore}, emitting rows into the chain above, evicting by watermark).
 * Both sides run on worker threads; one instance is shared, so each side keeps per-task state.
 */
public interface StatefulStage {
    /** The plan node this stage executes. */
    LogicalPlan node();

    /** The child of {@link #node()} whose rows come from {@code leaf}: the chain below the stage ends there. */
    default LogicalPlan inputOf(LogicalPlan leaf) {
        return ((UnaryNode) node()).child();
    }

    /** Spark's {@code operatorName} in progress ({@code stateStoreSave}, {@code dedupe}). */
    String operatorName();

    /** Spark's {@code numRowsTotal} of one partition's state after the batch: by default its keys. */
    default long numRowsTotal(StateStore store) {
        return store.numKeys();
    }

    /**
     * What this operator's state holds, recorded in and checked against the checkpoint when the
     * query starts ({@code state/<op>/_metadata/schema}). By default only the operator name:
     * stages whose key and value layouts are described override it.
     */
    default StateSchemaFile.Schema stateSchema() {
        return new StateSchemaFile.Schema(operatorName(), "", "");
    }

    /** Called on the query thread before a batch's tasks start. */
    default void startBatch() {
    }

    /** Called on the query thread before batch {@code batchId}'s tasks start: by default {@link #startBatch()}. */
    default void startBatch(long batchId) {
        startBatch();
    }

    /** Called on the query thread when the query starts: the query's id and this run's. */
    default void identify(java.util.UUID queryId, java.util.UUID runId) {
    }

    /** Called on the query thread after a batch's tasks ended. */
    default void endBatch() {
    }

    /** Called once when the query resumes from a checkpoint that has state. */
    default void restored() {
    }

    /**
     * Whether batch {@code batchId} adds rows of this stage's own to its shuffle ({@link #seed}):
     * the initial state of a {@code [flat]MapGroupsWithState} in the first batch.
     */
    default boolean seeds(long batchId) {
        return false;
    }

    /** Writes the stage's own rows into its shuffle, before the reduce; on the query thread, when {@link #seeds} says so. */
    default void seed(Shuffle shuffle) {
    }

    /**
     * Whether a batch without new data would do work now (emit, evict, time out), given the
     * watermark the next batch would run with and the one the last batch ran with.
     */
    boolean wantsBatchWithoutData(long nowMs, long watermarkMs, long lastBatchWatermarkMs);

    /** The map side for one reader task whose rows come from {@code input} (see {@link #inputOf}), writing to {@code shuffle}. */
    MapSide mapSide(Shuffle shuffle, LogicalPlan input);

    /**
     * The reduce side for one state partition: emits and evicts at this batch's watermark (late
     * rows were dropped on the map side, against the previous batch's, {@code EvalContext.lateEventsWatermarkMs()}).
     * Returns the late rows dropped here instead: a stage whose map side pre-aggregates drops
     * them after the shuffle, where Spark counts {@code numRowsDroppedByWatermark} (one per group).
     */
    long reduce(StateStore store, List<RowArena> input, Operator above, OutputMode mode, long watermarkMs);

    /** Where a map side sends a row: the partition its key hash picks. */
    @FunctionalInterface
    interface Shuffle {
        void add(int keyHash, org.agrona.DirectBuffer row, int offset, int length);
    }

    /** One task's map side: an operator whose {@code finish()} completes its shuffle output. */
    interface MapSide extends Operator {
        /** Input rows at or below the previous batch's watermark, dropped here (Spark's {@code numRowsDroppedByWatermark}). */
        long droppedByWatermark();
    }
}
