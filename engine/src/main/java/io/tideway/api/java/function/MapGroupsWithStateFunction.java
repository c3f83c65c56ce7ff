package io.tideway.api.java.function;

import io.tideway.sql.streaming.GroupState;

import java.io.Serializable;
import java.util.Iterator;

/**
 * One output per group with state kept across triggers ({@code mapGroupsWithState}). Mirrors
 * Spark's {@code org.apache.spark.api.java.function.MapGroupsWithStateFunction}.
 */
@FunctionalInterface
public interface MapGroupsWithStateFunction<K, V, S, R> extends Serializable {
    R call(K key, Iterator<V> values, GroupState<S> state) throws Exception;
}
