package io.tideway.sql.streaming;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One trigger's progress report, mirroring Spark's {@code StreamingQueryProgress}: same fields,
 * same JSON ({@link #json()} compact, {@link #prettyJson()} indented). Immutable.
 */
public final class StreamingQueryProgress {
    private final UUID id;
    private final UUID runId;
    private final String name;
    private final String timestamp;
    private final long batchId;
    private final long batchDuration;
    private final Map<String, Long> durationMs;
    private final Map<String, String> eventTime;
    private final StateOperatorProgress[] stateOperators;
    private final SourceProgress[] sources;
    private final SinkProgress sink;
    private final Map<String, io.tideway.sql.Row> observedMetrics;

    /** A progress report without observed metrics; the maps and lists are copied. */
    public StreamingQueryProgress(UUID id, UUID runId, String name, String timestamp, long batchId, long batchDuration,
                                  Map<String, Long> durationMs, Map<String, String> eventTime,
                                  List<StateOperatorProgress> stateOperators, List<SourceProgress> sources, SinkProgress sink) {
        this(id, runId, name, timestamp, batchId, batchDuration, durationMs, eventTime, stateOperators, sources, sink, Map.of());
    }

    /** With the trigger's {@code observe} metrics by name. */
    public StreamingQueryProgress(UUID id, UUID runId, String name, String timestamp, long batchId, long batchDuration,
                                  Map<String, Long> durationMs, Map<String, String> eventTime,
                                  List<StateOperatorProgress> stateOperators, List<SourceProgress> sources, SinkProgress sink,
                                  Map<String, io.tideway.sql.Row> observedMetrics) {
        this.id = id;
        this.runId = runId;
        this.name = name;
        this.timestamp = timestamp;
        this.batchId = batchId;
        this.batchDuration = batchDuration;
        this.durationMs = new TreeMap<>(durationMs);
        this.eventTime = new TreeMap<>(eventTime);
        this.stateOperators = stateOperators.toArray(new StateOperatorProgress[0]);
        this.sources = sources.toArray(new SourceProgress[0]);
        this.sink = sink;
        this.observedMetrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(observedMetrics));
    }

    /** The metrics of each {@code observe} in the query over this trigger's rows, by name; empty without one. */
    public Map<String, io.tideway.sql.Row> observedMetrics() {
        return observedMetrics;
    }

    /** The query's id, the same across restarts from one checkpoint. */
    public UUID id() {
        return id;
    }

    /** The id of this run of the query, new at every start. */
    public UUID runId() {
        return runId;
    }

    /** The query's name, or null when it has none. */
    public String name() {
        return name;
    }

    /** When the trigger started, in Spark's format ({@code 2024-01-01T00:00:00.000Z}, UTC). */
    public String timestamp() {
        return timestamp;
    }

    /** The micro-batch id; in continuous mode, the epoch id. */
    public long batchId() {
        return batchId;
    }

    /** How long the trigger took, in milliseconds. */
    public long batchDuration() {
        return batchDuration;
    }

    /**
     * Time spent per phase in milliseconds, under Spark's names ({@code latestOffset},
     * {@code walCommit}, {@code addBatch}, {@code commitOffsets}, {@code triggerExecution}, ...).
     */
    public Map<String, Long> durationMs() {
        return durationMs;
    }

    /**
     * Event-time statistics of the trigger's input when the query has a watermark:
     * {@code watermark}, and {@code min}, {@code max}, {@code avg} of the event times seen, as UTC
     * timestamps; empty otherwise.
     */
    public Map<String, String> eventTime() {
        return eventTime;
    }

    /**
     * One entry per stateful operator (aggregation, deduplication, join, ...), in plan order; a
     * fresh array.
     */
    public StateOperatorProgress[] stateOperators() {
        return stateOperators.clone();
    }

    /** One entry per source, in the order the query reads them; a fresh array. */
    public SourceProgress[] sources() {
        return sources.clone();
    }

    /** The sink's part of the report. */
    public SinkProgress sink() {
        return sink;
    }

    /** Rows read in the trigger, summed over the sources. */
    public long numInputRows() {
        long n = 0;
        for (SourceProgress s : sources) {
            n += s.numInputRows();
        }
        return n;
    }

    /** Input rate summed over the sources; NaN when a source's cannot be computed. */
    public double inputRowsPerSecond() {
        double r = 0;
        for (SourceProgress s : sources) {
            r += s.inputRowsPerSecond();
        }
        return r;
    }

    /** Processing rate summed over the sources; NaN when a source's cannot be computed. */
    public double processedRowsPerSecond() {
        double r = 0;
        for (SourceProgress s : sources) {
            r += s.processedRowsPerSecond();
        }
        return r;
    }

    ObjectNode jsonValue() {
        ObjectNode n = ProgressJson.MAPPER.createObjectNode();
        n.put("id", id.toString());
        n.put("runId", runId.toString());
        if (name == null) {
            n.putNull("name");
        } else {
            n.put("name", name);
        }
        n.put("timestamp", timestamp);
        n.put("batchId", batchId);
        n.put("batchDuration", batchDuration);
        n.put("numInputRows", numInputRows());
        ProgressJson.putDouble(n, "inputRowsPerSecond", inputRowsPerSecond());
        ProgressJson.putDouble(n, "processedRowsPerSecond", processedRowsPerSecond());
        ProgressJson.putLongMap(n, "durationMs", durationMs);
        if (!eventTime.isEmpty()) {
            ObjectNode et = n.putObject("eventTime");
            eventTime.forEach(et::put);
        }
        ArrayNode ops = n.putArray("stateOperators");
        for (StateOperatorProgress op : stateOperators) {
            ops.add(op.jsonValue());
        }
        ArrayNode src = n.putArray("sources");
        for (SourceProgress s : sources) {
            src.add(s.jsonValue());
        }
        n.set("sink", sink.jsonValue());
        if (!observedMetrics.isEmpty()) {
            ObjectNode om = n.putObject("observedMetrics");
            observedMetrics.forEach((k, row) -> om.set(k, ProgressJson.row(row)));
        }
        return n;
    }

    /** This report as one-line JSON, with Spark's field names and order. */
    public String json() {
        return ProgressJson.compact(jsonValue());
    }

    /** This report as indented JSON, as {@code toString()} prints it. */
    public String prettyJson() {
        return ProgressJson.pretty(jsonValue());
    }

    @Override
    public String toString() {
        return prettyJson();
    }
}
