package io.tideway.api.java.function;

import java.io.Serializable;
import java.util.Iterator;

/** A typed one-to-many transformation ({@code Dataset.flatMap}). Mirrors Spark's {@code org.apache.spark.api.java.function.FlatMapFunction}. */
@FunctionalInterface
public interface FlatMapFunction<T, R> extends Serializable {
    Iterator<R> call(T t) throws Exception;
}
