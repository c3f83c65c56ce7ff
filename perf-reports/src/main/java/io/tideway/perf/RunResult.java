package io.tideway.perf;

import org.HdrHistogram.Histogram;

/**
 * One measured run of one configuration. Immutable once built.
 *
 * @param latency      latency in ns over the measured window, or null for a throughput-only run
 * @param rowsPerSecond rows at the sink per second of the measured window
 * @param gcMillis     GC time in the window (all collectors, the whole JVM)
 * @param cpuMillis    process CPU time in the window (all threads), -1 if unknown
 * @param wallMillis   length of the window
 */
record RunResult(Histogram latency, double rowsPerSecond, long gcMillis, long cpuMillis, long wallMillis) {
    /** CPU as cores busy on average over the window. */
    double cpuCores() {
        return cpuMillis < 0 || wallMillis <= 0 ? Double.NaN : (double) cpuMillis / wallMillis;
    }

    /** Latency at {@code percentile}, µs. */
    double micros(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMicros() {
        return latency.getMaxValue() / 1000.0;
    }
}
