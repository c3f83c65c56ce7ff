package io.tideway.microbatch.stateful;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.exec.InitialStates;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.TransformWithState;
import io.tideway.engine.state.StateStore;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.TimeMode;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code transformWithState}, as Spark 4.0's {@code TransformWithStateExec}. The map side runs the
 * key function and shuffles rows by key ({@link KeyedRows}); in the first batch the stage seeds
 * the shuffle with the initial state. Each reduce task runs the processor over its partition's
 * groups against the partition's store ({@link ProcessorRun}). No input row is dropped as late
 * (as in Spark 4.0.4).
 */
public final class TransformWithStateStage implements StatefulStage {
    private final TransformWithState node;
    private final EvalContext ctx;
    private final boolean watermarkPresent;
    private volatile UUID queryId = new UUID(0, 0);
    private volatile UUID runId = new UUID(0, 0);
    /** The batch the reduce tasks run; written by the query thread before they start. */
    private volatile long batchId;

    public TransformWithStateStage(TransformWithState node, EvalContext ctx, boolean watermarkPresent) {
        this.node = node;
        this.ctx = ctx;
        this.watermarkPresent = watermarkPresent;
    }

    @Override
    public TransformWithState node() {
        return node;
    }

    @Override
    public String operatorName() {
        return "transformWithStateExec";
    }

    @Override
    public void identify(UUID queryId, UUID runId) {
        this.queryId = queryId;
        this.runId = runId;
    }

    @Override
    public void startBatch(long batchId) {
        this.batchId = batchId;
    }

    @Override
    public boolean seeds(long batchId) {
        return batchId == 0 && node.initialState() != null;
    }

    @Override
    public void seed(Shuffle shuffle) {
        KeyedRows.seed(InitialStates.read(node.initialState(), ctx), node.keyEncoder(), node.initialStateEncoder(), shuffle);
    }

    /** Spark's {@code shouldRunAnotherBatch}: always in processing time; in event time when the watermark moved. */
    @Override
    public boolean wantsBatchWithoutData(long nowMs, long watermarkMs, long lastBatchWatermarkMs) {
        if (node.timeMode() == TimeMode.ProcessingTime()) {
            return true;
        }
        return node.timeMode() == TimeMode.EventTime() && watermarkPresent && watermarkMs > lastBatchWatermarkMs;
    }

    @Override
    public MapSide mapSide(Shuffle shuffle, LogicalPlan input) {
        // Spark 4.0.4's transformWithState drops no late rows, in any time mode
        return new KeyedRows.MapSide(ctx, node.child().schema(), -1, shuffle, node.valueEncoder(), node.keyEncoder(),
                node.keyFunction());
    }

    @Override
    public long reduce(StateStore store, List<RowArena> input, Operator above, OutputMode mode, long watermarkMs) {
        Map<ByteBuffer, KeyedRows.Group> groups = KeyedRows.group(input, node.valueEncoder(), node.child().schema().length(),
                node.initialStateEncoder());
        Output output = new Output(above);
        // Spark's TimerValues watermark is the batch watermark, 0 in a query without one
        new ProcessorRun(node, store, ctx.batchTimestampMicros() / 1000L, watermarkMs).run(groups, output::write,
                queryId, runId, batchId);
        return 0;
    }

    /** Writes the processor's output objects into the chain above. One per reduce task. */
    private final class Output {
        private final Operator above;
        @SuppressWarnings("rawtypes")
        private final ObjectEncoder.Converter outputs = node.outputEncoder().newConverter();
        private final GrowableBuffer memory = new GrowableBuffer(256);
        private final RowWriter writer = new RowWriter(node.outputEncoder().schema().length());

        Output(Operator above) {
            this.above = above;
        }

        @SuppressWarnings("unchecked")
        void write(Object o) {
            writer.wrap(memory.buffer(), 0, memory);
            outputs.write(o, writer);
            above.accept(memory.buffer(), 0, writer.finish());
        }
    }
}
