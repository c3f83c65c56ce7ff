package io.tideway.api.java.function;

import java.io.Serializable;
import java.util.Iterator;
import scala.Tuple2;

/**
 * A function returning zero or more key-value pairs. Mirrors Spark's
 * {@code org.apache.spark.api.java.function.PairFlatMapFunction}.
 */
@FunctionalInterface
public interface PairFlatMapFunction<T, K, V> extends Serializable {
    Iterator<Tuple2<K, V>> call(T t) throws Exception;
}
