package io.tideway.microbatch;

import io.tideway.engine.metrics.IntervalPercentiles;
import io.tideway.engine.query.ProgressTimestamp;
import io.tideway.engine.query.QuerySpec;
import io.tideway.engine.query.StreamExecution;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.streaming.SinkProgress;
import io.tideway.sql.streaming.SourceProgress;
import io.tideway.sql.streaming.StateOperatorProgress;
import io.tideway.sql.streaming.StreamingQueryProgress;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the progress report of a trigger in Spark's fields. */
final class ProgressBuilder {
    private ProgressBuilder() {
    }

    /**
     * @param committedAtNanos when the batch committed ({@code nanoTime}), to report each source's
     *     end-to-end latency in its metrics ({@code latencyMicros.*}); -1 for none (Spark reports none,
     *     so only with {@code spark.sql.streaming.metricsEnabled})
     */
    static StreamingQueryProgress batch(StreamExecution q, QuerySpec spec, long batchId, long triggerStartMs,
                                        long previousTriggerStartMs, List<StreamSource> sources, Offset[] start,
                                        Offset[] end, BatchMetrics m, Map<String, Long> durations,
                                        Map<String, String> eventTime, long committedAtNanos,
                                        Map<String, io.tideway.sql.Row> observedMetrics) {
        long execMs = Math.max(1, durations.get("triggerExecution"));
        double sinceLast = previousTriggerStartMs < 0 ? Double.NaN : (triggerStartMs - previousTriggerStartMs) / 1000.0;
        List<SourceProgress> sp = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            long rows = m.inputRows()[i];
            double inputRate = previousTriggerStartMs < 0 ? 0.0 : sinceLast > 0 ? rows / sinceLast : Double.NaN;
            Map<String, String> metrics = end[i] == null ? Map.of() : sources.get(i).metrics(end[i]);
            if (committedAtNanos >= 0 && m.sourceNanoTimes()[i].length > 0) {
                metrics = new LinkedHashMap<>(metrics);
                latency(m.sourceNanoTimes()[i], committedAtNanos).putLatencyMicros(metrics, "");
            }
            sp.add(new SourceProgress(sources.get(i).description(), json(start[i]), json(end[i]),
                    json(sources.get(i).reportLatestOffset()), rows,
                    inputRate, rows * 1000.0 / execMs, metrics));
        }
        List<StateOperatorProgress> ops = new ArrayList<>();
        for (BatchMetrics.StateOp op : m.stateOps()) {
            ops.add(new StateOperatorProgress(op.operatorName(), op.rowsTotal(), op.rowsUpdated(), 0, op.rowsRemoved(), 0,
                    op.commitMs(), op.memoryBytes(), op.rowsDroppedByWatermark(), op.partitions(), op.partitions(),
                    op.customMetrics()));
        }
        return new StreamingQueryProgress(q.id(), q.runId(), spec.name(), ts(triggerStartMs), batchId, execMs, durations,
                eventTime, ops, sp, new SinkProgress(spec.sink().description(), spec.sink().reportsNumOutputRows() ? m.outputRows() : -1),
                observedMetrics);
    }

    static StreamingQueryProgress idle(StreamExecution q, QuerySpec spec, long nextBatchId, long triggerStartMs,
                                       List<StreamSource> sources, Offset[] committed,
                                       Map<String, String> eventTime) {
        List<SourceProgress> sp = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            sp.add(new SourceProgress(sources.get(i).description(), json(committed[i]), json(committed[i]),
                    json(sources.get(i).reportLatestOffset()), 0, 0.0, 0.0));
        }
        return new StreamingQueryProgress(q.id(), q.runId(), spec.name(), ts(triggerStartMs), nextBatchId, 0,
                Map.of("latestOffset", 0L, "triggerExecution", 0L), eventTime, List.of(), sp,
                new SinkProgress(spec.sink().description(), spec.sink().reportsNumOutputRows() ? 0 : -1));
    }

    /** From each read's first row's source time to the commit, in ns. */
    private static IntervalPercentiles latency(long[] sourceNanoTimes, long committedAtNanos) {
        Histogram h = new Histogram(3);
        for (long t : sourceNanoTimes) {
            h.recordValue(Math.max(0, committedAtNanos - t));
        }
        return IntervalPercentiles.of(h);
    }

    private static String json(Offset o) {
        return o == null ? null : o.json();
    }

    private static String ts(long ms) {
        return ProgressTimestamp.format(ms);
    }
}
