package io.tideway.api.java.function;

import java.io.Serializable;

/** A three-argument function. Mirrors Spark's {@code org.apache.spark.api.java.function.Function3}. */
@FunctionalInterface
public interface Function3<T1, T2, T3, R> extends Serializable {
    R call(T1 v1, T2 v2, T3 v3) throws Exception;
}
