package io.tideway.engine.source.socket;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideway.engine.source.PartitionOffsetsJson;

/**
 * Reads the {@code socket} source's line of {@code offsets/N} in any form either mode writes or
 * Spark wrote: a bare line count (micro-batch), {@code {"0":n}} (continuous, one partition) or
 * {@code [n]} (Spark's continuous socket offset). All mean "lines up to n are processed", so a
 * query resumes in either mode after line n with nothing repeated.
 *
 * <p>Threading: pure functions; thread-safe.
 */
final class SocketOffsetJson {
    private static final String NAME = "socket";

    private SocketOffsetJson() {
    }

    /** The line count in {@code json}; an unreadable or negative value names the text. */
    static long lineCount(String json) {
        JsonNode node = PartitionOffsetsJson.read(json, NAME);
        JsonNode count;
        if (node.isIntegralNumber()) {
            count = node;
        } else if (node.isArray() && node.size() == 1) {
            count = node.get(0);
        } else if (node.isObject()) {
            count = PartitionOffsetsJson.partitions(node, 1, NAME)[0];
        } else {
            throw new IllegalArgumentException("Invalid socket offset '" + json + "': expected {\"0\":<lines>} or a line count");
        }
        return PartitionOffsetsJson.nonNegativeLong(count, "the line count", NAME);
    }
}
