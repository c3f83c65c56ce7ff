package io.tideway.microbatch.stateful;

import io.tideway.SparkUnsupportedOperationException;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.state.StateStore;
import io.tideway.microbatch.stateful.TransformStateLayout.Element;
import io.tideway.sql.Encoder;
import io.tideway.sql.streaming.ListState;
import io.tideway.sql.streaming.MapState;
import io.tideway.sql.streaming.QueryInfo;
import io.tideway.sql.streaming.StatefulProcessorHandle;
import io.tideway.sql.streaming.TTLConfig;
import io.tideway.sql.streaming.TimeMode;
import io.tideway.sql.streaming.ValueState;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.LongArrayList;
import scala.jdk.javaapi.CollectionConverters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@link StatefulProcessorHandle} of one state partition's processor in one batch, as Spark's
 * {@code StatefulProcessorHandleImpl}: state variables are declared in {@code init} (phase
 * {@link Phase#CREATED}), timers are used from then until the timers were processed, and both
 * act on the grouping key set by {@link #setKey}. Records are laid out as
 * {@link TransformStateLayout} says. Task thread only.
 */
final class ProcessorHandle implements StatefulProcessorHandle {
    private static final long serialVersionUID = 1L;
    private static final byte[] NO_NAME = new byte[0];

    /** Spark's {@code StatefulProcessorHandleState}, whose names its errors print. */
    enum Phase { CREATED, INITIALIZED, DATA_PROCESSED, TIMER_PROCESSED, CLOSED }

    /** Spark's {@code QueryInfoImpl}. */
    private record Info(UUID getQueryId, UUID getRunId, long getBatchId) implements QueryInfo {
        @Override
        public String toString() {
            return "QueryInfo(queryId=" + getQueryId + ", runId=" + getRunId + ", batchId=" + getBatchId + ")";
        }
    }

    private final StateStore store;
    private final TimeMode timeMode;
    private final long batchTimestampMs;
    private final QueryInfo queryInfo;
    private final Map<String, StoredVariable> variables = new HashMap<>();
    private final ExpandableArrayBuffer recordKey = new ExpandableArrayBuffer(64);
    private final ExpandableArrayBuffer payload = new ExpandableArrayBuffer(256);
    private Phase phase = Phase.CREATED;
    private byte[] groupingKey;

    ProcessorHandle(StateStore store, TimeMode timeMode, long batchTimestampMs, UUID queryId, UUID runId, long batchId) {
        this.store = store;
        this.timeMode = timeMode;
        this.batchTimestampMs = batchTimestampMs;
        this.queryInfo = new Info(queryId, runId, batchId);
    }

    void setPhase(Phase phase) {
        this.phase = phase;
    }

    /** The grouping key (its encoded row) the next state and timer operations act on. */
    void setKey(byte[] groupingKey) {
        this.groupingKey = groupingKey;
    }

    long batchTimestampMs() {
        return batchTimestampMs;
    }

    /** Spark's {@code StateTTL.isExpired}: the batch time has reached the expiry. */
    boolean isExpired(long expiryMs) {
        return expiryMs != TransformStateLayout.NO_EXPIRY && batchTimestampMs >= expiryMs;
    }

    // ---- state variables ----

    @Override
    public <T> ValueState<T> getValueState(String stateName, Encoder<T> valEncoder, TTLConfig ttlConfig) {
        long ttl = declare("get_value_state", stateName, ttlConfig);
        return register(new StoredValueState<>(this, stateName, new StoredVariable.Codec(ObjectEncoder.of(valEncoder)), ttl));
    }

    @Override
    public <T> ValueState<T> getValueState(String stateName, TTLConfig ttlConfig, Encoder<T> valEncoder) {
        return getValueState(stateName, valEncoder, ttlConfig);
    }

    @Override
    public <T> ListState<T> getListState(String stateName, Encoder<T> valEncoder, TTLConfig ttlConfig) {
        long ttl = declare("get_list_state", stateName, ttlConfig);
        return register(new StoredListState<>(this, stateName, new StoredVariable.Codec(ObjectEncoder.of(valEncoder)), ttl));
    }

    @Override
    public <T> ListState<T> getListState(String stateName, TTLConfig ttlConfig, Encoder<T> valEncoder) {
        return getListState(stateName, valEncoder, ttlConfig);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(String stateName, Encoder<K> userKeyEnc, Encoder<V> valEncoder, TTLConfig ttlConfig) {
        long ttl = declare("get_map_state", stateName, ttlConfig);
        return register(new StoredMapState<>(this, stateName, new StoredVariable.Codec(ObjectEncoder.of(userKeyEnc)),
                new StoredVariable.Codec(ObjectEncoder.of(valEncoder)), ttl));
    }

    @Override
    public <K, V> MapState<K, V> getMapState(String stateName, TTLConfig ttlConfig, Encoder<K> userKeyEnc, Encoder<V> valEncoder) {
        return getMapState(stateName, userKeyEnc, valEncoder, ttlConfig);
    }

    @Override
    public void deleteIfExists(String stateName) {
        requirePhase("delete_if_exists", Phase.CREATED);
        variables.remove(stateName);
        LongArrayList handles = store.allHandles();
        for (int i = 0; i < handles.size(); i++) {
            long h = handles.getLong(i);
            byte kind = TransformStateLayout.kind(store.buffer(h), store.keyOffset(h));
            if (kind != TransformStateLayout.TIMERS && TransformStateLayout.name(store.buffer(h), store.keyOffset(h)).equals(stateName)) {
                store.remove(h);
            }
        }
    }

    /** Checks a declaration as Spark does; returns the TTL in ms, or 0 for none. */
    private long declare(String operation, String stateName, TTLConfig ttlConfig) {
        requirePhase(operation, Phase.CREATED);
        if (variables.containsKey(stateName)) {
            throw new StateStoreDuplicateStateVariableDefined(stateName);
        }
        Duration ttl = ttlConfig == null ? null : ttlConfig.ttlDuration();
        if (ttl != null && ttl.isZero()) {
            return 0;
        }
        if (timeMode != TimeMode.ProcessingTime()) {
            throw new StatefulProcessorCannotAssignTTLInTimeMode(stateName, timeMode.toString());
        }
        if (ttl == null || ttl.isNegative()) {
            throw new SparkUnsupportedOperationException("STATEFUL_PROCESSOR_TTL_DURATION_MUST_BE_POSITIVE",
                    Map.of("operationType", "update", "stateName", stateName));
        }
        return ttl.toMillis();
    }

    private <V extends StoredVariable> V register(V variable) {
        variables.put(variable.stateName, variable);
        return variable;
    }

    /** Whether a declared variable has a TTL: only then does the batch sweep expired values. */
    boolean hasTtl() {
        return variables.values().stream().anyMatch(StoredVariable::hasTtl);
    }

    private void requirePhase(String operation, Phase required) {
        if (phase != required) {
            throw invalidPhase(operation);
        }
    }

    private RuntimeException invalidPhase(String operation) {
        return new SparkUnsupportedOperationException("STATEFUL_PROCESSOR_CANNOT_PERFORM_OPERATION_WITH_INVALID_HANDLE_STATE",
                Map.of("operationType", operation, "handleState", phase.name()));
    }

    // ---- records ----

    List<Element> read(byte kind, byte[] name, boolean isMap) {
        int keyLength = TransformStateLayout.writeKey(recordKey, kind, name, groupingKey);
        long h = store.find(recordKey, 0, keyLength);
        if (h == StateStore.NO_HANDLE) {
            return new ArrayList<>();
        }
        return TransformStateLayout.readElements(store.buffer(h), store.payloadOffset(h), store.payloadLength(h), isMap);
    }

    void write(byte kind, byte[] name, List<Element> elements) {
        int keyLength = TransformStateLayout.writeKey(recordKey, kind, name, groupingKey);
        if (elements.isEmpty()) {
            long h = store.find(recordKey, 0, keyLength);
            if (h != StateStore.NO_HANDLE) {
                store.remove(h);
            }
            return;
        }
        int length = TransformStateLayout.writeElements(payload, elements);
        store.put(recordKey, 0, keyLength, payload, 0, length);
    }

    // ---- timers ----

    @Override
    public void registerTimer(long expiryTimestampMs) {
        verifyTimerOperation("register_timer");
        LongArrayList timers = timers();
        if (!timers.containsLong(expiryTimestampMs)) {
            timers.addLong(expiryTimestampMs);
            timers.sort(null);
            writeTimers(timers);
        }
    }

    @Override
    public void deleteTimer(long expiryTimestampMs) {
        verifyTimerOperation("delete_timer");
        LongArrayList timers = timers();
        if (timers.removeLong(expiryTimestampMs)) {
            writeTimers(timers);
        }
    }

    @Override
    public scala.collection.Iterator<Object> listTimers() {
        verifyTimerOperation("list_timers");
        List<Object> out = new ArrayList<>(timers());
        return CollectionConverters.asScala(out.iterator());
    }

    /** Removes a fired timer of the current key, whatever the phase. */
    void removeFiredTimer(long expiryTimestampMs) {
        LongArrayList timers = timers();
        if (timers.removeLong(expiryTimestampMs)) {
            writeTimers(timers);
        }
    }

    /** Spark's {@code verifyTimerOperations}: a time mode with timers, between init and the timers' processing. */
    private void verifyTimerOperation(String operation) {
        if (timeMode == TimeMode.None()) {
            throw new SparkUnsupportedOperationException("STATEFUL_PROCESSOR_CANNOT_PERFORM_OPERATION_WITH_INVALID_TIME_MODE",
                    Map.of("operationType", operation, "timeMode", timeMode.toString()));
        }
        if (phase.compareTo(Phase.INITIALIZED) < 0 || phase.compareTo(Phase.TIMER_PROCESSED) >= 0) {
            throw invalidPhase(operation);
        }
    }

    private LongArrayList timers() {
        int keyLength = TransformStateLayout.writeKey(recordKey, TransformStateLayout.TIMERS, NO_NAME, groupingKey);
        long h = store.find(recordKey, 0, keyLength);
        LongArrayList out = new LongArrayList();
        if (h != StateStore.NO_HANDLE) {
            int at = store.payloadOffset(h);
            for (int i = 0; i < store.payloadLength(h); i += 8) {
                out.addLong(store.buffer(h).getLong(at + i));
            }
        }
        return out;
    }

    private void writeTimers(LongArrayList timers) {
        int keyLength = TransformStateLayout.writeKey(recordKey, TransformStateLayout.TIMERS, NO_NAME, groupingKey);
        if (timers.isEmpty()) {
            long h = store.find(recordKey, 0, keyLength);
            if (h != StateStore.NO_HANDLE) {
                store.remove(h);
            }
            return;
        }
        for (int i = 0; i < timers.size(); i++) {
            payload.putLong(i * 8, timers.getLong(i));
        }
        store.put(recordKey, 0, keyLength, payload, 0, timers.size() * 8);
    }

    @Override
    public QueryInfo getQueryInfo() {
        return queryInfo;
    }
}
