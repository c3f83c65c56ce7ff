package io.tideway.engine.source.rate;

import io.tideway.engine.spi.Options;

/**
 * The {@code rate-micro-batch} source's options with Spark's defaults and wording:
 * {@code rowsPerBatch} (required, positive), {@code numPartitions} (default: available
 * processors), {@code startTimestamp} (ms, default 0) and {@code advanceMillisPerBatch} (default
 * 1000), both non-negative. Immutable.
 *
 * @param numPartitionsText the option as given, or {@code default}, for the description
 */
record RateMicroBatchOptions(long rowsPerBatch, int numPartitions, String numPartitionsText, long startTimestamp,
                             long advanceMillisPerBatch) {
    static final String ROWS_PER_BATCH = "rowsPerBatch";
    static final String START_TIMESTAMP = "startTimestamp";
    static final String ADVANCE_MILLIS_PER_BATCH = "advanceMillisPerBatch";

    static RateMicroBatchOptions parse(Options options) {
        // Spark reads a missing rowsPerBatch as 0, so "missing" reports the same way as "0"
        long rowsPerBatch = options.getPositiveLong(ROWS_PER_BATCH, 0);
        int numPartitions = RateSourceOptions.numPartitions(options);
        long startTimestamp = nonNegative(options, START_TIMESTAMP, 0);
        long advance = nonNegative(options, ADVANCE_MILLIS_PER_BATCH, 1000);
        return new RateMicroBatchOptions(rowsPerBatch, numPartitions,
                options.get(RateSourceOptions.NUM_PARTITIONS).orElse("default"), startTimestamp, advance);
    }

    /** Spark says "must be non-negative" here (the rate source says "must not be negative"). */
    private static long nonNegative(Options options, String name, long dflt) {
        long v = options.getLong(name, dflt);
        if (v < 0) {
            throw new IllegalArgumentException("Invalid value '" + v + "'. The option '" + name + "' must be non-negative");
        }
        return v;
    }
}
