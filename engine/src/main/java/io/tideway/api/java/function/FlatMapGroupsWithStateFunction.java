package io.tideway.api.java.function;

import io.tideway.sql.streaming.GroupState;

import java.io.Serializable;
import java.util.Iterator;

/**
 * Any number of outputs per group with state kept across triggers ({@code flatMapGroupsWithState}).
 * Mirrors Spark's {@code org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction}.
 */
@FunctionalInterface
public interface FlatMapGroupsWithStateFunction<K, V, S, R> extends Serializable {
    Iterator<R> call(K key, Iterator<V> values, GroupState<S> state) throws Exception;
}
