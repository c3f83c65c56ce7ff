package io.tideway.connectors.chronicle;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideway.engine.source.PartitionOffsetsJson;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.PartitionOffset;

/**
 * A position in a queue as stored in {@code offsets/N}: the queue index of the <em>last excerpt
 * processed</em>, {@code {"index":n}} (-1: none yet, read from the queue's start). Never
 * {@code last+1}: indices ({@code (cycle << 32) | sequence}) jump when the queue rolls to a new
 * cycle file, so a reader resumes by {@code moveToIndex(n)} and skipping that one excerpt.
 *
 * <p>Before anything is processed, a numeric {@code startingPosition} is kept as
 * {@code {"startAt":n}}: excerpt {@code n} is the first to read. Immutable.
 */
record ChronicleOffset(long index, boolean startAt) implements Offset, PartitionOffset {
    static final String NAME = "chronicle";
    /** Nothing processed: read from the first excerpt in the queue. */
    static final ChronicleOffset EARLIEST = new ChronicleOffset(-1, false);

    static ChronicleOffset after(long lastProcessed) {
        return new ChronicleOffset(lastProcessed, false);
    }

    static ChronicleOffset startingAt(long first) {
        return new ChronicleOffset(first, true);
    }

    @Override
    public String json() {
        return (startAt ? "{\"startAt\":" : "{\"index\":") + index + "}";
    }

    /**
     * Parses {@code {"index":n}}, {@code {"startAt":n}}, or a continuous checkpoint's
     * {@code {"0":{...}}}, so either executor resumes the other's checkpoint.
     */
    static ChronicleOffset parse(String json) {
        JsonNode node = PartitionOffsetsJson.read(json, NAME);
        if (node.isObject() && node.has("0")) {
            node = PartitionOffsetsJson.partitions(node, 1, NAME)[0];
        }
        return fromNode(node, json);
    }

    static ChronicleOffset fromNode(JsonNode node, String json) {
        if (node.isObject() && node.size() == 1 && node.has("index")) {
            JsonNode v = node.get("index");
            if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= -1) {
                return new ChronicleOffset(v.longValue(), false);
            }
        } else if (node.isObject() && node.size() == 1 && node.has("startAt")) {
            return startingAt(PartitionOffsetsJson.nonNegativeLong(node.get("startAt"), "startAt", NAME));
        }
        throw new IllegalArgumentException("Invalid chronicle offset '" + json + "': expected {\"index\":<last processed"
                + " queue index>} or {\"0\":{\"index\":<n>}}");
    }

    /** Whether excerpt {@code queueIndex} comes after this position (indices grow monotonically across cycles). */
    boolean precedes(long queueIndex) {
        return startAt ? queueIndex >= index : queueIndex > index;
    }

    @Override
    public String toString() {
        return json();
    }
}
