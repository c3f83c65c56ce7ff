package io.tideway.connectors.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which topic-partitions the source reads: Spark's {@code assign}, {@code subscribe} and
 * {@code subscribePattern}. Partitions are listed by the planning consumer on each trigger, so
 * new partitions and (for patterns and subscribe) new topics are picked up. Immutable.
 */
sealed interface SubscriptionStrategy {
    /** The partitions to read now, sorted by topic and partition. */
    List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout);

    /** Spark's {@code toString}, used in the source description: {@code Subscribe[t1, t2]}. */
    String description();

    record Assign(List<TopicPartition> assigned) implements SubscriptionStrategy {
        @Override
        public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout) {
            return assigned;
        }

        @Override
        public String description() {
            return "Assign[" + String.join(", ", assigned.stream().map(TopicPartition::toString).toList()) + "]";
        }
    }

    record Subscribe(List<String> topics) implements SubscriptionStrategy {
        @Override
        public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout) {
            return matching(consumer.listTopics(timeout), topics::contains);
        }

        @Override
        public String description() {
            return "Subscribe[" + String.join(", ", topics) + "]";
        }
    }

    record SubscribePattern(String pattern) implements SubscriptionStrategy {
        @Override
        public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout) {
            Pattern p = Pattern.compile(pattern);
            return matching(consumer.listTopics(timeout), t -> p.matcher(t).matches());
        }

        @Override
        public String description() {
            return "SubscribePattern[" + pattern + "]";
        }
    }

    private static List<TopicPartition> matching(Map<String, List<PartitionInfo>> topics,
                                                 java.util.function.Predicate<String> wanted) {
        List<TopicPartition> out = new ArrayList<>();
        topics.forEach((topic, infos) -> {
            if (wanted.test(topic)) {
                for (PartitionInfo i : infos) {
                    out.add(new TopicPartition(topic, i.partition()));
                }
            }
        });
        out.sort(TopicPartitionOffsets.ORDER);
        return out;
    }
}
