package io.tideway.api.java.function;

import java.io.Serializable;

/** A side effect per element. Mirrors Spark's {@code org.apache.spark.api.java.function.ForeachFunction}. */
@FunctionalInterface
public interface ForeachFunction<T> extends Serializable {
    void call(T t) throws Exception;
}
