package io.tideway.engine.ui;

import io.tideway.sql.streaming.SourceProgress;
import io.tideway.sql.streaming.StateOperatorProgress;
import io.tideway.sql.streaming.StreamingQueryProgress;

/**
 * The figures one progress update gives the status page's charts: a point of a query's history.
 * Latencies are the end-to-end {@code latencyMicros.*} metrics of the query's sources (the worst
 * source), or -1 where no source reports them (micro-batch without
 * {@code spark.sql.streaming.metricsEnabled}). Immutable.
 *
 * @param timestamp     the progress's timestamp, as its JSON prints it (ISO-8601, UTC)
 * @param batchId       the batch id, or the epoch in continuous mode
 * @param durationMs    the trigger's execution time ({@code durationMs.triggerExecution}), else the batch duration
 * @param watermark     the event-time watermark as the progress prints it, or null
 * @param stateRows     rows held by all stateful operators
 */
record ProgressPoint(String timestamp, long batchId, long numInputRows, double inputRowsPerSecond,
                     double processedRowsPerSecond, long durationMs, long latencyMicrosP50, long latencyMicrosP99,
                     long latencyMicrosP999, String watermark, long stateRows) {

    static ProgressPoint of(StreamingQueryProgress p) {
        Long trigger = p.durationMs().get("triggerExecution");
        long stateRows = 0;
        for (StateOperatorProgress s : p.stateOperators()) {
            stateRows += s.numRowsTotal();
        }
        return new ProgressPoint(p.timestamp(), p.batchId(), p.numInputRows(), finite(p.inputRowsPerSecond()),
                finite(p.processedRowsPerSecond()), trigger != null ? trigger : p.batchDuration(),
                latency(p, "p50"), latency(p, "p99"), latency(p, "p99.9"), p.eventTime().get("watermark"), stateRows);
    }

    /** Spark prints NaN or infinity for a rate over no time; a chart and JSON want a number. */
    private static double finite(double rate) {
        return Double.isFinite(rate) ? rate : 0;
    }

    /** The worst source's query-wide {@code latencyMicros.<quantile>}, or -1 when none reports it. */
    private static long latency(StreamingQueryProgress p, String quantile) {
        long worst = -1;
        for (SourceProgress s : p.sources()) {
            String v = s.metrics().get("latencyMicros." + quantile);
            if (v != null) {
                try {
                    worst = Math.max(worst, Long.parseLong(v));
                } catch (NumberFormatException e) {
                    // a source's own metric of that name but not a count of µs: not a latency the page can draw
                }
            }
        }
        return worst;
    }
}
