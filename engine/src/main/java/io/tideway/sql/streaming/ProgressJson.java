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

    /**
     * A metrics row as Spark's {@code Row.jsonValue}: field name to value, numbers and booleans as
     * JSON's, decimals as numbers, anything else (dates, timestamps, strings) as its text.
     */
    static ObjectNode row(io.tideway.sql.Row row) {
        ObjectNode o = MAPPER.createObjectNode();
        io.tideway.sql.types.StructField[] fields = row.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            Object v = row.get(i);
            String k = fields[i].name();
            if (v == null) {
                o.putNull(k);
            } else if (v instanceof Long l) {
                o.put(k, l);
            } else if (v instanceof Integer n) {
                o.put(k, n);
            } else if (v instanceof Short n) {
                o.put(k, n);
            } else if (v instanceof Byte n) {
                o.put(k, n);
            } else if (v instanceof Double d) {
                o.put(k, d);
            } else if (v instanceof Float f) {
                o.put(k, f);
            } else if (v instanceof java.math.BigDecimal d) {
                o.put(k, d);
            } else if (v instanceof Boolean b) {
                o.put(k, b);
            } else {
                o.put(k, v.toString());
            }
        }
        return o;
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
