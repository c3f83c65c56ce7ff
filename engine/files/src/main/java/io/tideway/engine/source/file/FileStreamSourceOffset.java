package io.tideway.engine.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.engine.spi.Offset;

/**
 * The file source's offset: the position in its {@code sources/<i>} log, stored as
 * {@code {"logOffset":N}} exactly as Spark's {@code FileStreamSourceOffset}. Immutable.
 */
public record FileStreamSourceOffset(long logOffset) implements Offset {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String json() {
        return "{\"logOffset\":" + logOffset + "}";
    }

    /** Parses {@code {"logOffset":N}}, or a bare number as Spark's legacy {@code LongOffset} form. */
    public static FileStreamSourceOffset parse(String json) {
        String t = json.trim();
        try {
            if (!t.isEmpty() && Character.isDigit(t.charAt(t.length() - 1))) {
                return new FileStreamSourceOffset(Long.parseLong(t));
            }
            JsonNode v = JSON.readTree(t).get("logOffset");
            if (v != null && v.canConvertToLong() && v.isIntegralNumber()) {
                return new FileStreamSourceOffset(v.longValue());
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("Invalid file source offset '" + json + "': expected {\"logOffset\":N}", e);
        }
        throw new IllegalArgumentException("Invalid file source offset '" + json + "': expected {\"logOffset\":N}");
    }

    @Override
    public String toString() {
        return json();
    }
}
