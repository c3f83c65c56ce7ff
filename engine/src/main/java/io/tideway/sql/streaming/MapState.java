package io.tideway.sql.streaming;

import java.io.Serializable;

/**
 * A map per grouping key, kept across batches by {@code transformWithState}, as Spark's
 * {@code MapState}. User keys are compared by their encoded value.
 */
public interface MapState<K, V> extends Serializable {
    boolean exists();

    /** The value of {@code key}, or null. */
    V getValue(K key);

    boolean containsKey(K key);

    void updateValue(K key, V value);

    scala.collection.Iterator<scala.Tuple2<K, V>> iterator();

    scala.collection.Iterator<K> keys();

    scala.collection.Iterator<V> values();

    void removeKey(K key);

    void clear();
}
