package io.tideway.api.java.function;

import java.io.Serializable;
import java.util.Iterator;

/** The function of {@code KeyValueGroupedDataset.flatMapGroups}: any number of results per group, as Spark's. */
@FunctionalInterface
public interface FlatMapGroupsFunction<K, V, R> extends Serializable {
    Iterator<R> call(K key, Iterator<V> values) throws Exception;
}
