package io.tideway.api.java.function;

import java.io.Serializable;

/** A typed predicate ({@code Dataset.filter}). Mirrors Spark's {@code org.apache.spark.api.java.function.FilterFunction}. */
@FunctionalInterface
public interface FilterFunction<T> extends Serializable {
    boolean call(T value) throws Exception;
}
