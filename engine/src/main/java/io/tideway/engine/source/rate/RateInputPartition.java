package io.tideway.engine.source.rate;

import io.tideway.engine.spi.InputPartition;

/**
 * One stripe of a rate batch, shared by {@code rate} and {@code rate-micro-batch}: the values
 * {@code rangeStart + index, + index + numPartitions, ...} below {@code rangeEnd}, value {@code v}
 * stamped {@code startTimeMs + round((v - rangeStart) * msPerValue)} (its intended emission time;
 * {@code msPerValue} 0 stamps the whole batch with {@code startTimeMs}). Immutable.
 *
 * @param nanoTimeMinusEpochNanos with {@code includeIntendedNanoTime}, what turns an intended time
 *                                in ns since the epoch into {@code System.nanoTime()}'s scale, for
 *                                the third column; {@link #NO_NANO_TIME} for two columns
 */
record RateInputPartition(int index, int numPartitions, long rangeStart, long rangeEnd, long startTimeMs,
                          double msPerValue, long nanoTimeMinusEpochNanos) implements InputPartition {
    /** Marks a partition without the {@code intendedNanoTime} column. */
    static final long NO_NANO_TIME = Long.MIN_VALUE;

    /** A partition with the two Spark columns only. */
    RateInputPartition(int index, int numPartitions, long rangeStart, long rangeEnd, long startTimeMs,
                       double msPerValue) {
        this(index, numPartitions, rangeStart, rangeEnd, startTimeMs, msPerValue, NO_NANO_TIME);
    }

    boolean includeIntendedNanoTime() {
        return nanoTimeMinusEpochNanos != NO_NANO_TIME;
    }
}
