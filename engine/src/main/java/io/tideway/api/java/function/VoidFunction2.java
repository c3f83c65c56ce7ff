package io.tideway.api.java.function;

import java.io.Serializable;

/** A two-argument function returning nothing ({@code foreachBatch}). Mirrors Spark's {@code org.apache.spark.api.java.function.VoidFunction2}. */
@FunctionalInterface
public interface VoidFunction2<T1, T2> extends Serializable {
    void call(T1 v1, T2 v2) throws Exception;
}
