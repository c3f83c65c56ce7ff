package io.tideway.api.java.function;

import java.io.Serializable;

/** A one-argument function. Mirrors Spark's {@code org.apache.spark.api.java.function.Function}. */
@FunctionalInterface
public interface Function<T1, R> extends Serializable {
    R call(T1 v1) throws Exception;
}
