package io.tideway.engine.metrics;

import io.tideway.sql.streaming.SourceProgress;
import io.tideway.sql.streaming.StateOperatorProgress;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;

import java.util.Map;
import java.util.TreeMap;

/**
 * One query's figures as numbers, read from its last progress and status at each call (the query
 * publishes both for any thread); holds no state of its own. What the JMX bean
 * ({@link QueryMBean}) and the Micrometer binder show. Thread-safe.
 */
public final class QueryMetrics implements StreamingQueryMXBean {
    private final StreamingQuery query;

    public QueryMetrics(StreamingQuery query) {
        this.query = query;
    }

    /** The query's name, or its id when it has none: how meters and beans are named. */
    public String label() {
        return query.name() != null ? query.name() : query.id().toString();
    }

    private StreamingQueryProgress last() {
        return query.lastProgress();
    }

    @Override
    public String getName() {
        return query.name() == null ? "" : query.name();
    }

    @Override
    public String getId() {
        return query.id().toString();
    }

    @Override
    public String getRunId() {
        return query.runId().toString();
    }

    @Override
    public boolean isActive() {
        return query.isActive();
    }

    @Override
    public String getStatus() {
        return query.status().message();
    }

    @Override
    public long getBatchId() {
        StreamingQueryProgress p = last();
        return p == null ? -1 : p.batchId();
    }

    @Override
    public long getNumInputRows() {
        StreamingQueryProgress p = last();
        return p == null ? 0 : p.numInputRows();
    }

    @Override
    public double getInputRowsPerSecond() {
        StreamingQueryProgress p = last();
        return p == null ? 0 : p.inputRowsPerSecond();
    }

    @Override
    public double getProcessedRowsPerSecond() {
        StreamingQueryProgress p = last();
        return p == null ? 0 : p.processedRowsPerSecond();
    }

    @Override
    public long getBatchDurationMs() {
        StreamingQueryProgress p = last();
        if (p == null) {
            return 0;
        }
        Long trigger = p.durationMs().get("triggerExecution");
        return trigger != null ? trigger : p.batchDuration();
    }

    @Override
    public String getWatermark() {
        StreamingQueryProgress p = last();
        String w = p == null ? null : p.eventTime().get("watermark");
        return w == null ? "" : w;
    }

    @Override
    public long getStateRowsTotal() {
        StreamingQueryProgress p = last();
        long rows = 0;
        for (StateOperatorProgress s : p == null ? new StateOperatorProgress[0] : p.stateOperators()) {
            rows += s.numRowsTotal();
        }
        return rows;
    }

    @Override
    public long getStateMemoryUsedBytes() {
        StreamingQueryProgress p = last();
        long bytes = 0;
        for (StateOperatorProgress s : p == null ? new StateOperatorProgress[0] : p.stateOperators()) {
            bytes += s.memoryUsedBytes();
        }
        return bytes;
    }

    @Override
    public Map<String, String> getSourceMetrics() {
        StreamingQueryProgress p = last();
        Map<String, String> out = new TreeMap<>();
        SourceProgress[] sources = p == null ? new SourceProgress[0] : p.sources();
        for (int i = 0; i < sources.length; i++) {
            for (Map.Entry<String, String> m : sources[i].metrics().entrySet()) {
                out.put(i + "." + m.getKey(), m.getValue());
            }
        }
        return out;
    }

    @Override
    public long latencyMicros(String quantile) {
        String suffix = ".latencyMicros." + quantile;
        long worst = -1;
        for (Map.Entry<String, String> m : getSourceMetrics().entrySet()) {
            if (m.getKey().endsWith(suffix)) {
                worst = Math.max(worst, Long.parseLong(m.getValue()));
            }
        }
        return worst;
    }

    @Override
    public long getLatencyMicrosP50() {
        return latencyMicros("p50");
    }

    @Override
    public long getLatencyMicrosP99() {
        return latencyMicros("p99");
    }

    @Override
    public long getLatencyMicrosP999() {
        return latencyMicros("p99.9");
    }

    @Override
    public long getLatencyMicrosMax() {
        return latencyMicros("max");
    }
}
