package io.tideway.api.java.function;

import java.io.Serializable;

/** A function returning nothing. Mirrors Spark's {@code org.apache.spark.api.java.function.VoidFunction}. */
@FunctionalInterface
public interface VoidFunction<T> extends Serializable {
    void call(T t) throws Exception;
}
