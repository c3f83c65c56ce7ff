package io.tideway.engine.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tideway.sql.streaming.StreamingQueryProgress;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The status page's JSON: a query's summary (its figures from the last progress, its status, its
 * exception) and its history of points. Jackson writes it, so names, messages and stacks are
 * escaped as JSON requires. Stateless; thread-safe.
 */
final class StatusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusJson() {
    }

    /** {@code {"active": [summary...], "recent": [summary...]}}. */
    static byte[] queries(List<QueryHistory> running, List<QueryHistory> ended) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode active = out.putArray("active");
        running.forEach(h -> active.add(summary(h)));
        ArrayNode recent = out.putArray("recent");
        ended.forEach(h -> recent.add(summary(h)));
        return bytes(out);
    }

    static byte[] query(QueryHistory h) {
        return bytes(summary(h));
    }

    /** The history, oldest first: one object per progress update. */
    static byte[] progress(QueryHistory h) {
        ArrayNode out = JSON.createArrayNode();
        for (ProgressPoint p : h.points()) {
            ObjectNode n = out.addObject();
            n.put("timestamp", p.timestamp());
            n.put("batchId", p.batchId());
            n.put("numInputRows", p.numInputRows());
            n.put("inputRowsPerSecond", p.inputRowsPerSecond());
            n.put("processedRowsPerSecond", p.processedRowsPerSecond());
            n.put("durationMs", p.durationMs());
            latency(n, p);
            n.put("watermark", p.watermark());
            n.put("stateRows", p.stateRows());
        }
        return bytes(out);
    }

    static byte[] error(String message) {
        return bytes(JSON.createObjectNode().put("error", message));
    }

    private static ObjectNode summary(QueryHistory h) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", h.name());
        n.put("id", h.id().toString());
        n.put("runId", h.runId().toString());
        n.put("active", !h.ended());
        n.put("status", h.status());
        n.put("started", h.started());
        StreamingQueryProgress last = h.last();
        ProgressPoint p = last == null ? null : ProgressPoint.of(last);
        n.put("batchId", p == null ? -1 : p.batchId());
        n.put("inputRowsPerSecond", p == null ? 0 : p.inputRowsPerSecond());
        n.put("processedRowsPerSecond", p == null ? 0 : p.processedRowsPerSecond());
        n.put("batchDurationMs", p == null ? 0 : p.durationMs());
        if (p != null) {
            latency(n, p);
        } else {
            n.putObject("latencyMicros");
        }
        n.put("watermark", p == null ? null : p.watermark());
        n.put("stateRows", p == null ? 0 : p.stateRows());
        n.set("lastProgress", last == null ? null : tree(last.json()));
        if (h.exceptionMessage() == null) {
            n.putNull("exception");
        } else {
            n.putObject("exception").put("message", h.exceptionMessage()).put("stackTrace", h.exceptionStack());
        }
        return n;
    }

    /** {@code "latencyMicros": {"p50": .., "p99": .., "p99.9": ..}}, each null where no source reports it. */
    private static void latency(ObjectNode n, ProgressPoint p) {
        ObjectNode l = n.putObject("latencyMicros");
        put(l, "p50", p.latencyMicrosP50());
        put(l, "p99", p.latencyMicrosP99());
        put(l, "p99.9", p.latencyMicrosP999());
    }

    private static void put(ObjectNode n, String key, long micros) {
        if (micros < 0) {
            n.putNull(key);
        } else {
            n.put(key, micros);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
