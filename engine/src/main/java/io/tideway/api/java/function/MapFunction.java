package io.tideway.api.java.function;

import java.io.Serializable;

/** A typed one-to-one transformation ({@code Dataset.map}). Mirrors Spark's {@code org.apache.spark.api.java.function.MapFunction}. */
@FunctionalInterface
public interface MapFunction<T, U> extends Serializable {
    U call(T value) throws Exception;
}
