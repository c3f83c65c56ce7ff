package io.tideway.api.java.function;

import java.io.Serializable;

/** A reduction of two values into one. Mirrors Spark's {@code org.apache.spark.api.java.function.ReduceFunction}. */
@FunctionalInterface
public interface ReduceFunction<T> extends Serializable {
    T call(T v1, T v2) throws Exception;
}
