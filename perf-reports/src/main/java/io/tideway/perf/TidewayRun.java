package io.tideway.perf;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One measured latency run of a {@link TidewayW1Query}: start it with a {@link LatencyWriter},
 * measure it through a {@link LatencyWindow} (failing early if the query fails), keep its last
 * ring counters, stop it. Scenario thread only.
 */
final class TidewayRun {
    private TidewayRun() {
    }

    /**
     * @param key          unique per run: the recorder's name and the checkpoint's sub-directory
     * @param ringCounters receives {@code configuration → last progress metrics}
     */
    static RunResult latency(TidewaySession spark, TidewayW1Query query, String key, LatencyWindow window, Path hlog,
                             Path work, String configuration, Map<String, String> ringCounters) throws Exception {
        return latency(spark, query, key, window, hlog, work, configuration, ringCounters, new long[SinkRegistry.EPOCH_AGE_BUCKETS]);
    }

    /**
     * As above; {@code lateRows} also receives (added to what it holds) the measured window's rows at
     * least {@link SinkRegistry#LATE_NANOS} late, by ms since their epoch began.
     */
    static RunResult latency(TidewaySession spark, TidewayW1Query query, String key, LatencyWindow window, Path hlog,
                             Path work, String configuration, Map<String, String> ringCounters, long[] lateRows)
            throws Exception {
        try {
            StreamingQuery q = query.start(spark, new LatencyWriter(key, 1), work.resolve(key));
            AtomicLongArray late = SinkRegistry.lateRows(key);
            long[] atStart = new long[late.length()];
            try {
                RunResult result = window.checking(() -> q.exception().getOrElse(() -> null))
                        .measureLatency(SinkRegistry.recorder(key), hlog, configuration, () -> {
                            for (int i = 0; i < atStart.length; i++) {
                                atStart[i] = late.get(i); // the warm-up's, left out
                            }
                        });
                for (int i = 0; i < lateRows.length; i++) {
                    lateRows[i] += late.get(i) - atStart[i];
                }
                return result;
            } finally {
                ringCounters.put(configuration, TidewayW1Query.ringCounters(q));
                q.stop();
            }
        } finally {
            SinkRegistry.release(key);
        }
    }
}
