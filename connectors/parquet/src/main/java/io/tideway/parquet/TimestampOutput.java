package io.tideway.parquet;

import java.util.Locale;

/**
 * How timestamps are written: Spark's {@code spark.sql.parquet.outputTimestampType}, default
 * {@code INT96} (nanoseconds of the day and Julian day, which every Parquet reader of Spark's
 * lineage reads; the INT64 forms carry the ISO logical type).
 */
enum TimestampOutput {
    INT96, TIMESTAMP_MICROS, TIMESTAMP_MILLIS;

    /** The session's setting ({@link io.tideway.engine.conf.TidewayConf#PARQUET_OUTPUT_TIMESTAMP_TYPE}, checked when set). */
    static TimestampOutput of(java.util.Map<String, String> sessionConf) {
        return valueOf(io.tideway.engine.conf.TidewayConf.PARQUET_OUTPUT_TIMESTAMP_TYPE.get(sessionConf).trim()
                .toUpperCase(Locale.ROOT));
    }
}
