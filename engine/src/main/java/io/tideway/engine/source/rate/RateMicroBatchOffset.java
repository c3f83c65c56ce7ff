package io.tideway.engine.source.rate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.engine.spi.Offset;

/**
 * The {@code rate-micro-batch} offset (Spark's {@code RatePerMicroBatchStreamOffset}): the next
 * value to generate and the timestamp the next batch's rows get, stored as
 * {@code {"offset":2000,"timestamp":2000}}. Immutable.
 *
 * @param offset    values below this one have been generated
 * @param timestamp ms since epoch stamped on every row of the batch starting here
 */
public record RateMicroBatchOffset(long offset, long timestamp) implements Offset {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String json() {
        return "{\"offset\":" + offset + ",\"timestamp\":" + timestamp + "}";
    }

    /** Parses {@link #json()}'s form; field order and unknown fields do not matter. */
    public static RateMicroBatchOffset parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node != null && node.isObject()) {
                JsonNode offset = node.get("offset");
                JsonNode timestamp = node.get("timestamp");
                if (isLong(offset) && isLong(timestamp)) {
                    return new RateMicroBatchOffset(offset.longValue(), timestamp.longValue());
                }
            }
        } catch (Exception e) {
            throw invalid(json, e);
        }
        throw invalid(json, null);
    }

    private static boolean isLong(JsonNode v) {
        return v != null && v.isIntegralNumber() && v.canConvertToLong();
    }

    private static IllegalArgumentException invalid(String json, Exception cause) {
        return new IllegalArgumentException("Invalid rate-micro-batch offset '" + json
                + "': expected {\"offset\":<long>,\"timestamp\":<long>}", cause);
    }

    @Override
    public String toString() {
        return json();
    }
}
