package io.tideway.microbatch.stateful;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.exec.UserFunctionException;
import io.tideway.engine.plan.TransformWithState;
import io.tideway.engine.state.StateStore;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.streaming.ExpiredTimerInfo;
import io.tideway.sql.streaming.StatefulProcessor;
import io.tideway.sql.streaming.StatefulProcessorWithInitialState;
import io.tideway.sql.streaming.TimeMode;
import io.tideway.sql.streaming.TimerValues;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One run of a {@code transformWithState} processor over one state partition's groups, in
 * Spark's order: a copy of the processor of its own, {@code init}, {@code handleInitialState} per
 * initial state, {@code handleInputRows} per key with data, {@code handleExpiredTimer} per timer
 * at or below the batch time (processing time) or the watermark (event time), earliest first,
 * then the TTL sweep and {@code close}. A micro-batch's reduce task or a static Dataset's run.
 * Task thread only.
 */
final class ProcessorRun {
    private final TransformWithState node;
    private final StateStore store;
    private final long batchMs;
    private final long watermarkMs;

    ProcessorRun(TransformWithState node, StateStore store, long batchMs, long watermarkMs) {
        this.node = node;
        this.store = store;
        this.batchMs = batchMs;
        this.watermarkMs = watermarkMs;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void run(Map<ByteBuffer, KeyedRows.Group> groups, Consumer<Object> output, UUID queryId, UUID runId, long batchId) {
        StatefulProcessor<Object, Object, Object> processor = ProcessorCopies.copy(node.processor());
        ProcessorHandle handle = new ProcessorHandle(store, node.timeMode(), batchMs, queryId, runId, batchId);
        Times times = new Times(batchMs, watermarkMs);
        ObjectEncoder.Converter keys = node.keyEncoder().newConverter();
        RowReader keyRow = new RowReader(node.keyEncoder().schema().length());
        processor.setHandle(handle);
        processor.init(node.outputMode(), node.timeMode());
        handle.setPhase(ProcessorHandle.Phase.INITIALIZED);
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
            drain(processor.handleInputRows(k, scala.jdk.javaapi.CollectionConverters.asScala(inputs.iterator()), times), output);
        }
        handle.setPhase(ProcessorHandle.Phase.DATA_PROCESSED);
        long threshold = node.timeMode() == TimeMode.ProcessingTime() ? batchMs
                : node.timeMode() == TimeMode.EventTime() ? watermarkMs : Long.MIN_VALUE;
        for (ExpiredTimers.Timer t : ExpiredTimers.below(store, threshold)) {
            Object k = keys.read(keyRow.wrap(new UnsafeBuffer(t.key()), 0, t.key().length));
            handle.setKey(t.key());
            ExpiredTimerInfo info = new Expired(t.expiryMs());
            drain(processor.handleExpiredTimer(k, times, info), output);
            handle.removeFiredTimer(t.expiryMs());
        }
        handle.setPhase(ProcessorHandle.Phase.TIMER_PROCESSED);
        if (handle.hasTtl()) {
            ExpiredTimers.sweepTtl(store, handle);
        }
        processor.close();
        handle.setPhase(ProcessorHandle.Phase.CLOSED);
        processor.setHandle(null);
    }

    private static void drain(scala.collection.Iterator<Object> out, Consumer<Object> output) {
        while (out != null && out.hasNext()) {
            output.accept(out.next());
        }
    }

    /** Spark's {@code TimerValuesImpl}. */
    private record Times(long getCurrentProcessingTimeInMs, long getCurrentWatermarkInMs) implements TimerValues {
    }

    /** Spark's {@code ExpiredTimerInfoImpl}. */
    private record Expired(long getExpiryTimeInMs) implements ExpiredTimerInfo {
    }
}
