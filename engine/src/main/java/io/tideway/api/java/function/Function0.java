package io.tideway.api.java.function;

import java.io.Serializable;

/** A function of no arguments. Mirrors Spark's {@code org.apache.spark.api.java.function.Function0}. */
@FunctionalInterface
public interface Function0<R> extends Serializable {
    R call() throws Exception;
}
