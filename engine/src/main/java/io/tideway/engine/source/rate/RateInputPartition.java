package io.tideway.engine.source.rate;

import io.tideway.engine.spi.InputPartition;

/**
 * One stripe of a rate batch, shared by {@code rate} and {@code rate-micro-batch}: the values
 * {@code rangeStart + index, + index + numPartitions, ...} below {@code rangeEnd}, value {@code v}
 * stamped {@code startTimeMs + round((v - rangeStart) * msPerValue)} (its intended emission time;
 * {@code msPerValue} 0 stamps the whole batch with {@code startTimeMs}). Immutable.
 *
 * @param nanoTimeMinusEpochNanos what turns an intended time in ns since the epoch into
 *                                {@code System.nanoTime()}'s scale (the rows' source time, and the
 *                                third column with {@code includeIntendedNanoTime}); {@link #NO_NANO_TIME}
 *                                when the timestamps are not wall-clock times ({@code rate-micro-batch})
 * @param includeIntendedNanoTime whether rows carry the third column
 */
record RateInputPartition(int index, int numPartitions, long rangeStart, long rangeEnd, long startTimeMs,
                          double msPerValue, long nanoTimeMinusEpochNanos, boolean includeIntendedNanoTime)
        implements InputPartition {
    /** Marks a partition whose timestamps are not on the wall clock. */
    static final long NO_NANO_TIME = Long.MIN_VALUE;

    /** A partition with the two Spark columns only, stamped with times that are not the wall clock's. */
    RateInputPartition(int index, int numPartitions, long rangeStart, long rangeEnd, long startTimeMs,
                       double msPerValue) {
        this(index, numPartitions, rangeStart, rangeEnd, startTimeMs, msPerValue, NO_NANO_TIME, false);
    }
}
