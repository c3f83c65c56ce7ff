package io.tideway.sql.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** Shared JSON rendering for progress objects: Spark's field order, NaN/infinite doubles omitted. */
final class ProgressJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ProgressJson() {
    }

    static void putDouble(ObjectNode node, String field, double v) {
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
            node.put(field, v);
        }
    }

    /** Embeds an offset as JSON when it parses, else as a string; null stays null. */
    static void putOffset(ObjectNode node, String field, String offsetJson) {
        if (offsetJson == null) {
            node.putNull(field);
            return;
        }
        try {
            JsonNode parsed = MAPPER.readTree(offsetJson);
            node.set(field, parsed);
        } catch (JsonProcessingException e) {
            node.put(field, offsetJson);
        }
    }

    static void putLongMap(ObjectNode node, String field, Map<String, Long> map) {
        if (map != null && !map.isEmpty()) {
            ObjectNode m = node.putObject(field);
            map.forEach(m::put);
        }
    }

    static String compact(JsonNode node) {
        return node.toString();
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
