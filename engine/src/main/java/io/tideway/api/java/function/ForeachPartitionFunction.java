package io.tideway.api.java.function;

import java.io.Serializable;
import java.util.Iterator;

/** A function called with each partition's objects. Mirrors Spark's {@code org.apache.spark.api.java.function.ForeachPartitionFunction}. */
@FunctionalInterface
public interface ForeachPartitionFunction<T> extends Serializable {
    void call(Iterator<T> t) throws Exception;
}
