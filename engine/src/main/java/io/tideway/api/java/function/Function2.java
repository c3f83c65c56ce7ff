package io.tideway.api.java.function;

import java.io.Serializable;

/** A two-argument function. Mirrors Spark's {@code org.apache.spark.api.java.function.Function2}. */
@FunctionalInterface
public interface Function2<T1, T2, R> extends Serializable {
    R call(T1 v1, T2 v2) throws Exception;
}
