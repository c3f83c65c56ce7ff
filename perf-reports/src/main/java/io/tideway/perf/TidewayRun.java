package io.tideway.perf;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;

import java.nio.file.Path;
import java.util.Map;

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
        try {
            StreamingQuery q = query.start(spark, new LatencyWriter(key, 1), work.resolve(key));
            try {
                return window.checking(() -> q.exception().getOrElse(() -> null))
                        .measureLatency(SinkRegistry.recorder(key), hlog, configuration);
            } finally {
                ringCounters.put(configuration, TidewayW1Query.ringCounters(q));
                q.stop();
            }
        } finally {
            SinkRegistry.release(key);
        }
    }
}
