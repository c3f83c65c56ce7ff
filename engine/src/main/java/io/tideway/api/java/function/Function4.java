package io.tideway.api.java.function;

import java.io.Serializable;

/** A four-argument function. Mirrors Spark's {@code org.apache.spark.api.java.function.Function4}. */
@FunctionalInterface
public interface Function4<T1, T2, T3, T4, R> extends Serializable {
    R call(T1 v1, T2 v2, T3 v3, T4 v4) throws Exception;
}
