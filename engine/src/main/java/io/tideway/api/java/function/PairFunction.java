package io.tideway.api.java.function;

import java.io.Serializable;
import scala.Tuple2;

/**
 * A function returning a key-value pair as a {@code scala.Tuple2}, as Spark's API does. Mirrors
 * Spark's {@code org.apache.spark.api.java.function.PairFunction}.
 */
@FunctionalInterface
public interface PairFunction<T, K, V> extends Serializable {
    Tuple2<K, V> call(T t) throws Exception;
}
