package io.tideway.api.java.function;

import java.io.Serializable;
import java.util.Iterator;

/**
 * A function of one key's values in two grouped Datasets, for {@code cogroup}. Mirrors Spark's
 * {@code org.apache.spark.api.java.function.CoGroupFunction}.
 */
@FunctionalInterface
public interface CoGroupFunction<K, V1, V2, R> extends Serializable {
    Iterator<R> call(K key, Iterator<V1> left, Iterator<V2> right) throws Exception;
}
