package io.tideway.api.java.function;

import java.io.Serializable;
import java.util.Iterator;

/** A typed transformation of a whole partition ({@code mapPartitions}). Mirrors Spark's {@code org.apache.spark.api.java.function.MapPartitionsFunction}. */
@FunctionalInterface
public interface MapPartitionsFunction<T, U> extends Serializable {
    Iterator<U> call(Iterator<T> input) throws Exception;
}
