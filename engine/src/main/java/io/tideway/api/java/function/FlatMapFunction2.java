package io.tideway.api.java.function;

import java.io.Serializable;
import java.util.Iterator;

/** A two-argument one-to-many function. Mirrors Spark's {@code org.apache.spark.api.java.function.FlatMapFunction2}. */
@FunctionalInterface
public interface FlatMapFunction2<T1, T2, R> extends Serializable {
    Iterator<R> call(T1 t1, T2 t2) throws Exception;
}
