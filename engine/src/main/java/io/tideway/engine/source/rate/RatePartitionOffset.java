package io.tideway.engine.source.rate;

import io.tideway.engine.spi.PartitionOffset;

/**
 * A continuous rate partition's position (Spark's {@code RateStreamPartitionOffset}): the last
 * value emitted and its intended time, {@code {"value":12,"runTimeMs":1700000003500}}. Before the
 * first row the value is {@code partition - numPartitions} and the time the schedule's origin.
 * Immutable.
 */
record RatePartitionOffset(long value, long runTimeMs) implements PartitionOffset {
    @Override
    public String json() {
        return "{\"value\":" + value + ",\"runTimeMs\":" + runTimeMs + "}";
    }

    @Override
    public String toString() {
        return json();
    }
}
