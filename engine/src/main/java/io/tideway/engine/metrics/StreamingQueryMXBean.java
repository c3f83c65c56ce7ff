package io.tideway.engine.metrics;

import java.util.Map;

/**
 * What JMX shows of one running query, registered as
 * {@code io.tideway:type=StreamingQuery,name=<queryName or id>} while it runs when
 * {@code spark.sql.streaming.metricsEnabled} is true. The figures are the query's last progress
 * report (a micro-batch, or a continuous epoch), so they change once per batch or epoch;
 * before the first report, numbers are 0 and texts empty.
 */
public interface StreamingQueryMXBean {
    String getName();

    String getId();

    String getRunId();

    boolean isActive();

    /** The query's status message ({@code Waiting for data to arrive}, {@code Running}, ...). */
    String getStatus();

    /** The last batch or epoch reported, or -1. */
    long getBatchId();

    long getNumInputRows();

    double getInputRowsPerSecond();

    double getProcessedRowsPerSecond();

    /** The last batch's {@code triggerExecution} duration, or an epoch's commit time, in ms. */
    long getBatchDurationMs();

    /** The watermark the last batch ran with (ISO-8601), or empty. */
    String getWatermark();

    /** Rows in all stateful operators' state after the last batch. */
    long getStateRowsTotal();

    long getStateMemoryUsedBytes();

    /**
     * Every source's metrics, keyed {@code <source index>.<metric>}: in continuous mode per
     * partition its rows, ring depth and ring-hop percentiles ({@code partition0.ringHopNanos.p99}).
     */
    Map<String, String> getSourceMetrics();

    /**
     * End-to-end latency of the last epoch or batch, µs from a row's source time to the sink (a
     * continuous epoch) or to the batch's commit (micro-batch), at {@code quantile} ({@code p50},
     * {@code p99}, {@code p99.9} or {@code max}), the worst partition's or source's; -1 when the
     * last report has none (no rows).
     */
    long latencyMicros(String quantile);

    long getLatencyMicrosP50();

    long getLatencyMicrosP99();

    long getLatencyMicrosP999();

    long getLatencyMicrosMax();
}
