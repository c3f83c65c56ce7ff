package io.tideway.microbatch.stateful;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.exec.InitialStates;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.exec.UserFunctionException;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.TransformWithState;
import io.tideway.engine.state.StateStore;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.streaming.ExpiredTimerInfo;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.streaming.StatefulProcessor;
import io.tideway.sql.streaming.StatefulProcessorWithInitialState;
import io.tideway.sql.streaming.TimeMode;
import io.tideway.sql.streaming.TimerValues;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code transformWithState}, as Spark 4.0's {@code TransformWithStateExec}. The map side runs the
 * key function and shuffles rows by key ({@link KeyedRows}); in the first batch the stage seeds
 * the shuffle with the initial state. Each reduce task runs a copy of the processor of its own
 * against its partition's store ({@link ProcessorHandle}): {@code init}, then
 * {@code handleInitialState} per initial key (first batch), {@code handleInputRows} per key with
 * data, {@code handleExpiredTimer} per timer at or below the batch time (processing time) or the
 * watermark (event time), earliest first, then the TTL sweep and {@code close}. No input row is
 * dropped as late (as in Spark 4.0.4).
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
    @SuppressWarnings({"unchecked", "rawtypes"})
    public long reduce(StateStore store, List<RowArena> input, Operator above, OutputMode mode, long watermarkMs) {
        long batchMs = ctx.batchTimestampMicros() / 1000L;
        StatefulProcessor<Object, Object, Object> processor = ProcessorCopies.copy(node.processor());
        ProcessorHandle handle = new ProcessorHandle(store, node.timeMode(), batchMs, queryId, runId, batchId);
        Times times = new Times(batchMs, watermarkMs); // Spark's is the batch watermark, 0 in a query without one
        Output output = new Output(above);
        ObjectEncoder.Converter keys = node.keyEncoder().newConverter();
        RowReader keyRow = new RowReader(node.keyEncoder().schema().length());
        processor.setHandle(handle);
        processor.init(node.outputMode(), node.timeMode());
        handle.setPhase(ProcessorHandle.Phase.INITIALIZED);
        Map<ByteBuffer, KeyedRows.Group> groups = KeyedRows.group(input, node.valueEncoder(), node.child().schema().length(),
                node.initialStateEncoder());
        for (Map.Entry<ByteBuffer, KeyedRows.Group> g : groups.entrySet()) {
            byte[] key = g.getKey().array();
            for (Object initial : g.getValue().initials) { // Spark 4.0.4 hands a key given twice to the processor twice
                Object k = keys.read(keyRow.wrap(new UnsafeBuffer(key), 0, key.length));
                handle.setKey(key);
                ((StatefulProcessorWithInitialState) processor).handleInitialState(k, initial, times);
            }
        }
        for (Map.Entry<ByteBuffer, KeyedRows.Group> g : groups.entrySet()) {
            List<Object> values = g.getValue().values;
            if (values.isEmpty()) {
                continue;
            }
            byte[] key = g.getKey().array();
            Object k = keys.read(keyRow.wrap(new UnsafeBuffer(key), 0, key.length));
            handle.setKey(key);
            List<Object> inputs = node.valueFunction() == null ? values
                    : values.stream().map(v -> UserFunctionException.call(() -> node.valueFunction().call(v))).toList();
            output.drain(processor.handleInputRows(k, scala.jdk.javaapi.CollectionConverters.asScala(inputs.iterator()), times));
        }
        handle.setPhase(ProcessorHandle.Phase.DATA_PROCESSED);
        long threshold = node.timeMode() == TimeMode.ProcessingTime() ? batchMs
                : node.timeMode() == TimeMode.EventTime() ? watermarkMs : Long.MIN_VALUE;
        for (ExpiredTimers.Timer t : ExpiredTimers.below(store, threshold)) {
            Object k = keys.read(keyRow.wrap(new UnsafeBuffer(t.key()), 0, t.key().length));
            handle.setKey(t.key());
            ExpiredTimerInfo info = new Expired(t.expiryMs());
            output.drain(processor.handleExpiredTimer(k, times, info));
            handle.removeFiredTimer(t.expiryMs());
        }
        handle.setPhase(ProcessorHandle.Phase.TIMER_PROCESSED);
        if (handle.hasTtl()) {
            ExpiredTimers.sweepTtl(store, handle);
        }
        processor.close();
        handle.setPhase(ProcessorHandle.Phase.CLOSED);
        processor.setHandle(null);
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
        void drain(scala.collection.Iterator<Object> out) {
            while (out != null && out.hasNext()) {
                Object o = out.next();
                writer.wrap(memory.buffer(), 0, memory);
                outputs.write(o, writer);
                above.accept(memory.buffer(), 0, writer.finish());
            }
        }
    }

    /** Spark's {@code TimerValuesImpl}. */
    private record Times(long getCurrentProcessingTimeInMs, long getCurrentWatermarkInMs) implements TimerValues {
    }

    /** Spark's {@code ExpiredTimerInfoImpl}. */
    private record Expired(long getExpiryTimeInMs) implements ExpiredTimerInfo {
    }
}
