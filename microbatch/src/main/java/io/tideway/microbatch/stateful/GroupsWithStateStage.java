package io.tideway.microbatch.stateful;

import io.tideway.api.java.function.FlatMapGroupsWithStateFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapGroupsWithStateFunction;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.exec.GroupStateImpl;
import io.tideway.engine.exec.InitialStates;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.exec.UserFunctionException;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.FlatMapGroupsWithState;
import io.tideway.engine.plan.UnaryNode;
import io.tideway.engine.state.StateStore;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.OutputMode;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mapGroupsWithState} / {@code flatMapGroupsWithState}. The map side runs the key function
 * and shuffles (key, value, null) rows by key; in the first batch the stage also seeds the
 * shuffle with its initial state as (key, null, state) rows. The reduce side groups a
 * partition's rows by key, stores a key's initial state, calls the user function once per key
 * with values or an initial state (Spark's cogroup of the two) with its {@link GroupStateImpl},
 * then once per other key whose timeout expired (no values, {@code hasTimedOut()}), and saves
 * each changed state as {@code [timeout timestamp][state row]} in the store. The function runs
 * on objects, so this stage allocates per row, as Spark's does.
 */
public final class GroupsWithStateStage implements StatefulStage {
    private static final int TIMEOUT_BYTES = 8;
    private final FlatMapGroupsWithState node;
    private final EvalContext ctx;
    /** The input's watermarked column, by which late rows are dropped: only under an event-time timeout, as in Spark; or -1. */
    private final int lateOrdinal;
    private final boolean watermarkPresent;
    /** The earliest timeout any partition holds after the last batch; MIN_VALUE = unknown (after a restart). */
    private long earliestTimeoutMs = Long.MAX_VALUE;
    private long batchEarliestTimeoutMs = Long.MAX_VALUE;

    public GroupsWithStateStage(FlatMapGroupsWithState node, EvalContext ctx, boolean watermarkPresent) {
        this.node = node;
        this.ctx = ctx;
        this.lateOrdinal = node.timeout() == GroupStateTimeout.EventTimeTimeout() ? EventTimeColumn.find(node.child().schema()) : -1;
        this.watermarkPresent = watermarkPresent;
    }

    @Override
    public UnaryNode node() {
        return node;
    }

    @Override
    public String operatorName() {
        return "flatMapGroupsWithState";
    }

    @Override
    public synchronized void startBatch() {
        batchEarliestTimeoutMs = Long.MAX_VALUE;
    }

    @Override
    public synchronized void endBatch() {
        earliestTimeoutMs = batchEarliestTimeoutMs;
    }

    @Override
    public synchronized void restored() {
        if (node.timeout() != GroupStateTimeout.NoTimeout()) {
            earliestTimeoutMs = Long.MIN_VALUE; // unknown until a batch has looked at the state
        }
    }

    private synchronized void noteTimeout(long ms) {
        batchEarliestTimeoutMs = Math.min(batchEarliestTimeoutMs, ms);
    }

    @Override
    public synchronized boolean wantsBatchWithoutData(long nowMs, long watermarkMs, long lastBatchWatermarkMs) {
        if (node.timeout() == GroupStateTimeout.ProcessingTimeTimeout()) {
            return nowMs > earliestTimeoutMs;
        }
        if (node.timeout() == GroupStateTimeout.EventTimeTimeout()) {
            return watermarkMs > lastBatchWatermarkMs; // Spark runs one whenever the watermark moved, timeouts due or not
        }
        return false;
    }

    @Override
    public boolean seeds(long batchId) {
        return batchId == 0 && node.initialState() != null; // Spark loads it in the first batch only (IncrementalExecution)
    }

    @Override
    public void seed(Shuffle shuffle) {
        KeyedRows.seed(InitialStates.read(node.initialState(), ctx), node.keyEncoder(), node.stateEncoder(), shuffle);
    }

    @Override
    @SuppressWarnings("unchecked")
    public MapSide mapSide(Shuffle shuffle, io.tideway.engine.plan.LogicalPlan input) {
        return new KeyedRows.MapSide(ctx, node.child().schema(), lateOrdinal, shuffle, node.valueEncoder(), node.keyEncoder(),
                (MapFunction<Object, Object>) node.keyFunction());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public long reduce(StateStore store, List<RowArena> input, Operator above, OutputMode mode, long watermarkMs) {
        ObjectEncoder.Converter keys = node.keyEncoder().newConverter();
        Calls calls = new Calls(store, above, watermarkMs);
        Map<ByteBuffer, KeyedRows.Group> groups = KeyedRows.group(input, node.valueEncoder(), node.child().schema().length(),
                node.initialState() == null ? null : node.stateEncoder());
        RowReader keyRow = new RowReader(node.keyEncoder().schema().length());
        Set<ByteBuffer> seen = new HashSet<>(groups.keySet());
        for (Map.Entry<ByteBuffer, KeyedRows.Group> g : groups.entrySet()) {
            byte[] key = g.getKey().array();
            UnsafeBuffer keyBuffer = new UnsafeBuffer(key);
            Object k = keys.read(keyRow.wrap(keyBuffer, 0, key.length));
            Object initial = g.getValue().initial(InitialStates::duplicateKey);
            if (initial != null) {
                calls.store(keyBuffer, initial);
            }
            calls.run(keyBuffer, k, g.getValue().values.iterator(), false);
        }
        if (node.timeout() == GroupStateTimeout.NoTimeout()) {
            return 0;
        }
        LongArrayList handles = store.allHandles();
        List<byte[]> expired = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            long h = handles.getLong(i);
            long timeout = store.buffer(h).getLong(store.payloadOffset(h));
            byte[] key = new byte[store.keyLength(h)];
            store.buffer(h).getBytes(store.keyOffset(h), key);
            if (timeout != GroupStateImpl.NO_TIMESTAMP && !seen.contains(ByteBuffer.wrap(key)) && hasExpired(timeout, watermarkMs)) {
                expired.add(key);
            } else if (timeout != GroupStateImpl.NO_TIMESTAMP) {
                noteTimeout(timeout);
            }
        }
        for (byte[] key : expired) {
            UnsafeBuffer keyBuffer = new UnsafeBuffer(key);
            Object k = keys.read(keyRow.wrap(keyBuffer, 0, key.length));
            calls.run(keyBuffer, k, Collections.emptyIterator(), true);
        }
        return 0;
    }

    private boolean hasExpired(long timeoutMs, long watermarkMs) {
        if (node.timeout() == GroupStateTimeout.ProcessingTimeTimeout()) {
            return ctx.batchTimestampMicros() / 1000L > timeoutMs;
        }
        return watermarkPresent && watermarkMs > timeoutMs;
    }

    /** Calls the user function for one key and saves what it did to the state. One per reduce task. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final class Calls {
        private final StateStore store;
        private final Operator above;
        private final long watermarkMs;
        private final ObjectEncoder.Converter states = node.stateEncoder().newConverter();
        private final ObjectEncoder.Converter outputs = node.outputEncoder().newConverter();
        private final RowReader stateRow = new RowReader(node.stateEncoder().schema().length());
        private final GrowableBuffer stateMemory = new GrowableBuffer(256);
        private final RowWriter stateWriter = new RowWriter(node.stateEncoder().schema().length());
        private final GrowableBuffer outMemory = new GrowableBuffer(256);
        private final RowWriter outWriter = new RowWriter(node.outputEncoder().schema().length());

        Calls(StateStore store, Operator above, long watermarkMs) {
            this.store = store;
            this.above = above;
            this.watermarkMs = watermarkMs;
        }

        /** Stores a key's initial state, without a timeout, before the function sees it (Spark's {@code putState}). */
        void store(UnsafeBuffer key, Object initial) {
            stateWriter.wrap(stateMemory.buffer(), TIMEOUT_BYTES, stateMemory);
            states.write(initial, stateWriter);
            int length = stateWriter.finish();
            stateMemory.buffer().putLong(0, GroupStateImpl.NO_TIMESTAMP);
            store.put(key, 0, key.capacity(), stateMemory.buffer(), 0, TIMEOUT_BYTES + length);
        }

        void run(UnsafeBuffer key, Object k, Iterator<Object> values, boolean timedOut) {
            long h = store.find(key, 0, key.capacity());
            Object current = null;
            if (h != StateStore.NO_HANDLE && store.payloadLength(h) > TIMEOUT_BYTES) {
                int at = store.payloadOffset(h);
                current = states.read(stateRow.wrap(store.buffer(h), at + TIMEOUT_BYTES, store.payloadLength(h) - TIMEOUT_BYTES));
            }
            GroupStateImpl<Object> state = new GroupStateImpl<>(current, node.timeout(), ctx.batchTimestampMicros() / 1000L,
                    watermarkMs, watermarkPresent, timedOut);
            if (node.isMapGroups()) {
                Object out = UserFunctionException.call(() -> ((MapGroupsWithStateFunction) node.function()).call(k, values, state));
                emit(out);
            } else {
                Iterator<Object> out = UserFunctionException.call(() -> ((FlatMapGroupsWithStateFunction) node.function()).call(k, values, state));
                while (out != null && out.hasNext()) {
                    emit(out.next());
                }
            }
            save(key, h, state);
        }

        private void emit(Object value) {
            outWriter.wrap(outMemory.buffer(), 0, outMemory);
            outputs.write(value, outWriter);
            above.accept(outMemory.buffer(), 0, outWriter.finish());
        }

        /**
         * A key without state leaves the store unless it still has a timeout: a timeout set
         * before {@code remove()} is kept (as a timeout without a state row), and the key is
         * called again with {@code exists() == false} when it expires, as in Spark.
         */
        private void save(UnsafeBuffer key, long handle, GroupStateImpl<Object> state) {
            long timeout = state.timeoutTimestampMs();
            if (!state.exists() && timeout == GroupStateImpl.NO_TIMESTAMP) {
                if (handle != StateStore.NO_HANDLE) {
                    store.remove(handle);
                }
                return;
            }
            long previousTimeout = handle == StateStore.NO_HANDLE ? GroupStateImpl.NO_TIMESTAMP
                    : store.buffer(handle).getLong(store.payloadOffset(handle));
            if (timeout != GroupStateImpl.NO_TIMESTAMP) {
                noteTimeout(timeout);
            }
            if (!state.isUpdated() && !state.isRemoved() && timeout == previousTimeout && handle != StateStore.NO_HANDLE) {
                return; // unchanged: nothing to write
            }
            int length = 0;
            if (state.exists()) {
                stateWriter.wrap(stateMemory.buffer(), TIMEOUT_BYTES, stateMemory);
                states.write(state.get(), stateWriter);
                length = stateWriter.finish();
            }
            stateMemory.buffer().putLong(0, timeout);
            store.put(key, 0, key.capacity(), stateMemory.buffer(), 0, TIMEOUT_BYTES + length);
        }
    }
}
