package io.tideway.engine.source.rate;

import io.tideway.engine.spi.InputPartition;

/**
 * One stripe of a rate batch, shared by {@code rate} and {@code rate-micro-batch}: the values
 * {@code rangeStart + index, + index + numPartitions, ...} below {@code rangeEnd}, value {@code v}
 * stamped {@code startTimeMs + round((v - rangeStart) * msPerValue)} (its intended emission time;
 * {@code msPerValue} 0 stamps the whole batch with {@code startTimeMs}). Immutable.
 */
record RateInputPartition(int index, int numPartitions, long rangeStart, long rangeEnd, long startTimeMs,
                          double msPerValue) implements InputPartition {
}
