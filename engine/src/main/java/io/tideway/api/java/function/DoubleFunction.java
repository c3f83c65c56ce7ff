package io.tideway.api.java.function;

import java.io.Serializable;

/** A function returning a primitive double. Mirrors Spark's {@code org.apache.spark.api.java.function.DoubleFunction}. */
@FunctionalInterface
public interface DoubleFunction<T> extends Serializable {
    double call(T t) throws Exception;
}
