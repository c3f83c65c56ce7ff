package io.tideway.connectors.kafka;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a batch's offset ranges (Spark's {@code KafkaMicroBatchStream.rateLimit} and
 * {@code KafkaOffsetRangeCalculator}): prorating {@code maxOffsetsPerTrigger} over partitions,
 * and splitting ranges when {@code minPartitions} asks for more input partitions than there are
 * topic-partitions. Stateless.
 */
final class OffsetRanges {
    private OffsetRanges() {
    }

    /**
     * Caps the batch at {@code limit} offsets, each partition getting its share of the backlog
     * (at least one offset, so small partitions are not starved).
     */
    static Map<TopicPartition, Long> rateLimit(long limit, Map<TopicPartition, Long> from, Map<TopicPartition, Long> until) {
        Map<TopicPartition, Long> sizes = new java.util.LinkedHashMap<>();
        until.forEach((tp, end) -> {
            Long begin = from.get(tp);
            if (begin != null && end - begin > 0) {
                sizes.put(tp, end - begin);
            }
        });
        double total = sizes.values().stream().mapToLong(Long::longValue).sum();
        if (total < 1) {
            return until;
        }
        Map<TopicPartition, Long> out = new java.util.LinkedHashMap<>();
        until.forEach((tp, end) -> {
            Long size = sizes.get(tp);
            if (size == null) {
                out.put(tp, end);
                return;
            }
            long begin = from.get(tp);
            double prorate = limit * (size / total);
            long prorated = (long) (prorate < 1 ? Math.ceil(prorate) : Math.floor(prorate));
            long off = prorated > Long.MAX_VALUE - begin ? Long.MAX_VALUE : begin + prorated;
            out.put(tp, Math.min(end, off));
        });
        return out;
    }

    /** One range per topic-partition, or more, split by size, when {@code minPartitions} exceeds their number. */
    static List<KafkaInputPartition> split(List<KafkaInputPartition> ranges, int minPartitions) {
        if (minPartitions <= ranges.size()) {
            return ranges;
        }
        long total = ranges.stream().mapToLong(KafkaInputPartition::size).sum();
        List<KafkaInputPartition> out = new ArrayList<>();
        for (KafkaInputPartition r : ranges) {
            int parts = (int) Math.max(Math.round((double) r.size() / total * minPartitions), 1);
            for (int i = 0; i < parts; i++) {
                long start = r.fromOffset() + (long) (r.size() * ((double) i / parts));
                long end = r.fromOffset() + (long) (r.size() * ((double) (i + 1) / parts));
                if (end > start) {
                    out.add(new KafkaInputPartition(out.size(), r.topicPartition(), start, end));
                }
            }
        }
        return out;
    }
}
