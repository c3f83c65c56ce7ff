package io.tideway.sql.execution.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideway.engine.source.PartitionOffsetsJson;
import io.tideway.engine.spi.LongOffset;

/**
 * How a {@link MemoryStream}'s rows map onto continuous partitions, and how each mode's offset
 * reads in the other: partition p of N owns the rows {@code i} with {@code i % N == p}, in order.
 * A micro-batch offset n means rows {@code [0, n)} are processed; a continuous offset
 * {@code {"0":c0,"1":c1,...}} means partition p has emitted its first {@code c_p} rows.
 *
 * <p>Threading: pure functions; thread-safe.
 */
final class MemoryStripes {
    private static final String NAME = "MemoryStream";

    private MemoryStripes() {
    }

    /** Rows of partition p (of {@code n}) among the first {@code rows} rows: {@code ceil((rows - p) / n)}. */
    static long countBelow(long rows, int p, int n) {
        return rows <= p ? 0 : (rows - p + n - 1) / n;
    }

    /**
     * The micro-batch offset for a {@link MemoryStream}'s line of {@code offsets/N} in either
     * mode's form: a bare row count as is, or, for continuous counts {@code c_p} over N
     * partitions, {@code n = min over p of (c_p * N + p)}: partition p's next row is
     * {@code c_p * N + p}, so every row below n was emitted and row n was not. Rows at or above n
     * that some partition did emit are read again, so the hand-over is <b>at-least-once</b>, and
     * exactly-once only when the partitions stopped level. N is the count the continuous run
     * wrote (the micro-batch view is not striped, so it need not match the stream's now).
     */
    static LongOffset microBatchOffset(String json) {
        if (!json.trim().startsWith("{")) {
            return LongOffset.parse(json);
        }
        JsonNode node = PartitionOffsetsJson.read(json, NAME);
        int n = node.size();
        if (n == 0) {
            throw new IllegalArgumentException("Invalid MemoryStream offset '" + json + "': no partitions");
        }
        JsonNode[] parts = PartitionOffsetsJson.partitions(node, n, NAME);
        long first = Long.MAX_VALUE;
        for (int p = 0; p < n; p++) {
            long count = PartitionOffsetsJson.nonNegativeLong(parts[p], "partition " + p, NAME);
            try {
                first = Math.min(first, Math.addExact(Math.multiplyExact(count, n), p));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("Invalid MemoryStream offset '" + json + "': partition " + p
                        + "'s row count " + count + " is out of range", e);
            }
        }
        return new LongOffset(first);
    }
}
