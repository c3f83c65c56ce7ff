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

    public UUID id() {
        return id;
    }

    public UUID runId() {
        return runId;
    }

    public String name() {
        return name;
    }

    public String timestamp() {
        return timestamp;
    }

    public long batchId() {
        return batchId;
    }

    public long batchDuration() {
        return batchDuration;
    }

    public Map<String, Long> durationMs() {
        return durationMs;
    }

    public Map<String, String> eventTime() {
        return eventTime;
    }

    public StateOperatorProgress[] stateOperators() {
        return stateOperators.clone();
    }

    public SourceProgress[] sources() {
        return sources.clone();
    }

    public SinkProgress sink() {
        return sink;
    }

    public long numInputRows() {
        long n = 0;
        for (SourceProgress s : sources) {
            n += s.numInputRows();
        }
        return n;
    }

    public double inputRowsPerSecond() {
        double r = 0;
        for (SourceProgress s : sources) {
            r += s.inputRowsPerSecond();
        }
        return r;
    }

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

    public String json() {
        return ProgressJson.compact(jsonValue());
    }

    public String prettyJson() {
        return ProgressJson.pretty(jsonValue());
    }

    @Override
    public String toString() {
        return prettyJson();
    }
}
