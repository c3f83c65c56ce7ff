package io.tideway.connectors.kafka;

import org.apache.kafka.common.TopicPartition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka source's progress metrics, as Spark's {@code KafkaMicroBatchStream.metrics} reports
 * them in {@code sources[].metrics}: how far the consumed offsets are behind the latest offsets
 * known to the planner, per topic-partition, summarised as {@code minOffsetsBehindLatest},
 * {@code maxOffsetsBehindLatest} (whole numbers) and {@code avgOffsetsBehindLatest} (a
 * {@code double}'s text, e.g. {@code "12.5"}), all strings. Stateless.
 */
final class OffsetsBehindLatest {
    private OffsetsBehindLatest() {
    }

    /**
     * @param consumed the next offset to read per partition (the batch's or epoch's end)
     * @param latest   the latest offsets known, or null when none were fetched
     * @return the three metrics, or an empty map when no partition is in both
     */
    static Map<String, String> metrics(Map<TopicPartition, Long> consumed, Map<TopicPartition, Long> latest) {
        if (consumed == null || latest == null) {
            return Map.of();
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long sum = 0;
        int n = 0;
        for (Map.Entry<TopicPartition, Long> e : latest.entrySet()) {
            Long at = consumed.get(e.getKey());
            if (at == null) {
                continue;
            }
            long behind = e.getValue() - at;
            min = Math.min(min, behind);
            max = Math.max(max, behind);
            sum += behind;
            n++;
        }
        if (n == 0) {
            return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("minOffsetsBehindLatest", Long.toString(min));
        m.put("maxOffsetsBehindLatest", Long.toString(max));
        m.put("avgOffsetsBehindLatest", Double.toString((double) sum / n));
        return m;
    }
}
