package io.tideway.sql.streaming;

import io.tideway.sql.Encoder;

import java.io.Serializable;

/**
 * What a {@code transformWithState} processor reaches its state and timers through, as Spark's
 * {@code StatefulProcessorHandle}: state variables are declared in {@code init}, timers are
 * registered for the grouping key being processed.
 */
public interface StatefulProcessorHandle extends Serializable {
    <T> ValueState<T> getValueState(String stateName, Encoder<T> valEncoder, TTLConfig ttlConfig);

    <T> ValueState<T> getValueState(String stateName, TTLConfig ttlConfig, Encoder<T> valEncoder);

    <T> ListState<T> getListState(String stateName, Encoder<T> valEncoder, TTLConfig ttlConfig);

    <T> ListState<T> getListState(String stateName, TTLConfig ttlConfig, Encoder<T> valEncoder);

    <K, V> MapState<K, V> getMapState(String stateName, Encoder<K> userKeyEnc, Encoder<V> valEncoder, TTLConfig ttlConfig);

    <K, V> MapState<K, V> getMapState(String stateName, TTLConfig ttlConfig, Encoder<K> userKeyEnc, Encoder<V> valEncoder);

    QueryInfo getQueryInfo();

    /** A timer for the current grouping key at {@code expiryTimestampMs}; a key holds at most one per time. */
    void registerTimer(long expiryTimestampMs);

    void deleteTimer(long expiryTimestampMs);

    /** The current grouping key's timers, earliest first (boxed {@code Long}s, as Spark's {@code Iterator[Long]} from Java). */
    scala.collection.Iterator<Object> listTimers();

    /** Drops the state variable {@code stateName} and its values, if there is one. */
    void deleteIfExists(String stateName);
}
