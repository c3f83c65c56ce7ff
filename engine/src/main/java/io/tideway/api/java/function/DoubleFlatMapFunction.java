package io.tideway.api.java.function;

import java.io.Serializable;
import java.util.Iterator;

/** A function returning zero or more doubles. Mirrors Spark's {@code org.apache.spark.api.java.function.DoubleFlatMapFunction}. */
@FunctionalInterface
public interface DoubleFlatMapFunction<T> extends Serializable {
    Iterator<Double> call(T t) throws Exception;
}
