package io.tideway.engine.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.engine.spi.PartitionOffset;

import java.util.List;

/**
 * The JSON a continuous source writes as its line of {@code offsets/N}: one object keyed by
 * partition number, {@code {"0":<offset of partition 0>,"1":...}} (Spark's merged continuous
 * offsets), and the checks every source makes when reading it back. Stateless and
 * thread-safe; used on the query thread when offsets are planned, serialized or parsed.
 */
public final class PartitionOffsetsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PartitionOffsetsJson() {
    }

    /** {@code {"0":<offsets[0].json()>,"1":...}}, in partition order. */
    public static String serialize(List<? extends PartitionOffset> offsets) {
        StringBuilder sb = new StringBuilder(16 * offsets.size() + 2).append('{');
        for (int p = 0; p < offsets.size(); p++) {
            if (p > 0) {
                sb.append(',');
            }
            sb.append('"').append(p).append("\":").append(offsets.get(p).json());
        }
        return sb.append('}').toString();
    }

    /** Parses any JSON value; a syntax error names the source and the text. */
    public static JsonNode read(String json, String sourceName) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("Invalid " + sourceName + " offset '" + json + "': empty");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid " + sourceName + " offset '" + json + "': " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The per-partition nodes of an object keyed {@code "0".."n-1"}. A different partition count
     * fails with Spark's message, since a partition's position cannot be split or merged.
     */
    public static JsonNode[] partitions(JsonNode object, int numPartitions, String sourceName) {
        if (object.size() != numPartitions) {
            throw new IllegalArgumentException("The previous run contained " + object.size() + " partitions, but "
                    + numPartitions + " partitions are currently configured. The numPartitions option cannot be changed.");
        }
        JsonNode[] out = new JsonNode[numPartitions];
        for (int p = 0; p < numPartitions; p++) {
            out[p] = object.get(Integer.toString(p));
            if (out[p] == null) {
                throw new IllegalArgumentException("Invalid " + sourceName + " offset " + object + ": no entry for partition "
                        + p + " (expected keys \"0\".." + "\"" + (numPartitions - 1) + "\")");
            }
        }
        return out;
    }

    /** A node's non-negative long value, or an error naming the source, the partition and the text. */
    public static long nonNegativeLong(JsonNode node, String what, String sourceName) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return node.longValue();
        }
        throw new IllegalArgumentException("Invalid " + sourceName + " offset: " + what + " must be a non-negative"
                + " long but was " + node);
    }
}
