package io.tideway.continuous;

import io.tideway.engine.query.QuerySpec;
import io.tideway.engine.query.StreamExecution;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.sql.streaming.SinkProgress;
import io.tideway.sql.streaming.SourceProgress;
import io.tideway.sql.streaming.StreamingQueryProgress;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds one progress report per committed epoch, in Spark's fields. Coordinator thread only. */
final class EpochProgress {
    private final StreamExecution query;
    private final QuerySpec spec;
    private final ContinuousStream stream;
    private long lastCommitMs = System.currentTimeMillis();

    EpochProgress(StreamExecution query, QuerySpec spec, ContinuousStream stream, long startEpoch) {
        this.query = query;
        this.spec = spec;
        this.stream = stream;
    }

    StreamingQueryProgress epoch(long epoch, List<PartitionOffset> start, List<PartitionOffset> end, long inputRows,
                                 long outputRows, long commitMs, List<PartitionPipeline> pipelines) {
        long now = System.currentTimeMillis();
        long elapsed = Math.max(1, now - lastCommitMs);
        double rate = inputRows * 1000.0 / elapsed;
        Map<String, Long> durations = new LinkedHashMap<>();
        durations.put("commitOffsets", commitMs);
        durations.put("triggerExecution", elapsed);
        Map<String, String> metrics = new LinkedHashMap<>(stream.metrics(end));
        for (PartitionPipeline p : pipelines) {
            PartitionCounters c = p.counters();
            String k = "partition" + p.partition() + ".";
            metrics.put(k + "rows", Long.toString(c.rows()));
            metrics.put(k + "slots", Long.toString(c.slots()));
            metrics.put(k + "ringDepth", Long.toString(p.ringDepth()));
            metrics.put(k + "readerIdleCycles", Long.toString(c.readerIdleCycles()));
            org.HdrHistogram.Histogram hops = c.hopsSinceLastCall();
            if (hops.getTotalCount() > 0) {
                metrics.put(k + "ringHopNanos.p50", Long.toString(hops.getValueAtPercentile(50)));
                metrics.put(k + "ringHopNanos.p99", Long.toString(hops.getValueAtPercentile(99)));
                metrics.put(k + "ringHopNanos.max", Long.toString(hops.getMaxValue()));
            }
        }
        String endOffset = stream.serializeOffsets(end);
        SourceProgress source = new SourceProgress(stream.description(), stream.serializeOffsets(start),
                endOffset, endOffset, inputRows, rate, rate, metrics);
        lastCommitMs = now;
        return new StreamingQueryProgress(query.id(), query.runId(), spec.name(),
                StreamExecution.TIMESTAMP_FORMAT.format(Instant.ofEpochMilli(now)), epoch, elapsed, durations, Map.of(),
                List.of(), List.of(source), new SinkProgress(spec.sink().description(), outputRows));
    }
}
