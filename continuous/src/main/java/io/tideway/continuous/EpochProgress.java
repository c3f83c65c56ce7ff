package io.tideway.continuous;

import io.tideway.engine.metrics.IntervalPercentiles;
import io.tideway.engine.query.ProgressTimestamp;
import io.tideway.engine.query.QuerySpec;
import io.tideway.engine.query.StreamExecution;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.sql.streaming.SinkProgress;
import io.tideway.sql.streaming.SourceProgress;
import io.tideway.sql.streaming.StreamingQueryProgress;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one progress report per committed epoch, in Spark's fields, from what the coordinator
 * reported and the partitions' counters. Query thread only (the coordinator's per-epoch work is
 * the commit alone); it reuses the offsets JSON the commit wrote.
 */
final class EpochProgress {
    private final StreamExecution query;
    private final QuerySpec spec;
    private final ContinuousStream stream;
    /** When the previous epoch committed. */
    private long lastCommitMs = System.currentTimeMillis();
    /** The previous epoch's end offsets, this epoch's start. */
    private String startOffsetJson;
    /** Every partition's latencies of one epoch together, reused; only with several partitions. */
    private Histogram queryLatency;
    /** The source's and sink's descriptions: fixed for the run, so not rebuilt per epoch. */
    private final String sourceDescription;
    private final String sinkDescription;

    EpochProgress(StreamExecution query, QuerySpec spec, ContinuousStream stream, List<PartitionOffset> start) {
        this.query = query;
        this.spec = spec;
        this.stream = stream;
        this.startOffsetJson = stream.serializeOffsets(start);
        this.sourceDescription = stream.description();
        this.sinkDescription = spec.sink().description();
    }

    /**
     * @param endOffsetJson {@code end} serialized by the stream, as written to {@code offsets/<epoch>}
     * @param now when the epoch committed (wall clock, ms): the report's timestamp
     */
    StreamingQueryProgress epoch(long epoch, List<PartitionOffset> end, String endOffsetJson, long inputRows,
                                 long outputRows, long commitMs, long now, List<PartitionPipeline> pipelines) {
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
            IntervalPercentiles hops = c.hopsSinceLastCall();
            if (hops.count() > 0) {
                metrics.put(k + "ringHopNanos.p50", Long.toString(hops.p50()));
                metrics.put(k + "ringHopNanos.p99", Long.toString(hops.p99()));
                metrics.put(k + "ringHopNanos.max", Long.toString(hops.max()));
            }
            Histogram latencies = c.latenciesSinceLastCall();
            IntervalPercentiles partitionLatency = IntervalPercentiles.of(latencies);
            partitionLatency.putLatencyMicros(metrics, k); // from each slot's oldest row's source time to the sink
            if (pipelines.size() == 1) {
                partitionLatency.putLatencyMicros(metrics, ""); // the query's rows are this partition's
                continue;
            }
            if (queryLatency == null) {
                queryLatency = new Histogram(latencies.getLowestDiscernibleValue(), latencies.getHighestTrackableValue(),
                        latencies.getNumberOfSignificantValueDigits());
            }
            queryLatency.add(latencies);
        }
        if (queryLatency != null) {
            IntervalPercentiles.of(queryLatency).putLatencyMicros(metrics, ""); // every partition's rows together
            queryLatency.reset();
        }
        SourceProgress source = new SourceProgress(sourceDescription, startOffsetJson,
                endOffsetJson, endOffsetJson, inputRows, rate, rate, metrics);
        startOffsetJson = endOffsetJson;
        lastCommitMs = now;
        return new StreamingQueryProgress(query.id(), query.runId(), spec.name(),
                ProgressTimestamp.format(now), epoch, elapsed, durations, Map.of(),
                List.of(), List.of(source), new SinkProgress(sinkDescription, outputRows));
    }
}
