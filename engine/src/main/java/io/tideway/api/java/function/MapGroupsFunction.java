package io.tideway.api.java.function;

import java.io.Serializable;
import java.util.Iterator;

/** The function of {@code KeyValueGroupedDataset.mapGroups}: one result per group, as Spark's. */
@FunctionalInterface
public interface MapGroupsFunction<K, V, R> extends Serializable {
    R call(K key, Iterator<V> values) throws Exception;
}
