package io.tideway.connectors.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spark's Kafka JSON ({@code JsonUtils}): offsets {@code {"topicA":{"0":23,"1":-1}}} and partition
 * lists {@code {"topicA":[0,1]}}, with Spark's error texts. Written sorted by topic and
 * partition so a checkpoint line is deterministic. Stateless and thread-safe.
 */
final class TopicPartitionOffsets {
    static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicPartitionOffsets() {
    }

    static String write(Map<TopicPartition, Long> offsets) {
        Map<String, Map<Integer, Long>> byTopic = new TreeMap<>();
        offsets.forEach((tp, off) -> byTopic.computeIfAbsent(tp.topic(), t -> new TreeMap<>()).put(tp.partition(), off));
        StringBuilder sb = new StringBuilder("{");
        boolean firstTopic = true;
        for (var t : byTopic.entrySet()) {
            if (!firstTopic) {
                sb.append(',');
            }
            firstTopic = false;
            sb.append(quote(t.getKey())).append(":{");
            boolean first = true;
            for (var p : t.getValue().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append('"').append(p.getKey()).append("\":").append(p.getValue());
            }
            sb.append('}');
        }
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@code {"t":{"0":23}}}; the map is ordered by {@link #ORDER}. */
    static Map<TopicPartition, Long> parse(String json) {
        String example = "Expected e.g. {\"topicA\":{\"0\":23,\"1\":-1},\"topicB\":{\"0\":-2}}, got " + json;
        JsonNode root = read(json, example);
        Map<TopicPartition, Long> out = new TreeMap<>(ORDER);
        for (Iterator<Map.Entry<String, JsonNode>> topics = root.fields(); topics.hasNext(); ) {
            Map.Entry<String, JsonNode> t = topics.next();
            if (!t.getValue().isObject()) {
                throw new IllegalArgumentException(example);
            }
            for (Iterator<Map.Entry<String, JsonNode>> parts = t.getValue().fields(); parts.hasNext(); ) {
                Map.Entry<String, JsonNode> p = parts.next();
                if (!p.getValue().isIntegralNumber()) {
                    throw new IllegalArgumentException(example);
                }
                out.put(new TopicPartition(t.getKey(), partitionNumber(p.getKey(), example)), p.getValue().longValue());
            }
        }
        return new LinkedHashMap<>(out);
    }

    /** Parses {@code {"t":[0,1]}} (the {@code assign} option). */
    static List<TopicPartition> parsePartitions(String json) {
        String example = "Expected e.g. {\"topicA\":[0,1],\"topicB\":[0,1]}, got " + json;
        JsonNode root = read(json, example);
        List<TopicPartition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> topics = root.fields(); topics.hasNext(); ) {
            Map.Entry<String, JsonNode> t = topics.next();
            if (!t.getValue().isArray()) {
                throw new IllegalArgumentException(example);
            }
            for (JsonNode p : t.getValue()) {
                if (!p.isInt()) {
                    throw new IllegalArgumentException(example);
                }
                out.add(new TopicPartition(t.getKey(), p.intValue()));
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static JsonNode read(String json, String example) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(example);
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(example, e);
        }
    }

    private static int partitionNumber(String key, String example) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(example, e);
        }
    }
}
