package io.tideway.connectors.kafka;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The planner's view of Kafka (Spark's {@code KafkaOffsetReader}): lists the strategy's
 * partitions and their earliest and latest offsets through one consumer that never joins a
 * group. Every call is bounded by {@code default.api.timeout.ms} and retried
 * {@code fetchOffset.numRetries} times, so an unreachable broker fails the query instead of
 * hanging it. Latest offsets honour {@code kafka.isolation.level} (read_committed: the last
 * stable offset).
 *
 * <p>Threading: query thread only (the consumer is single-threaded); created lazily.
 */
final class KafkaOffsetReader implements AutoCloseable {
    private final KafkaSourceOptions options;
    private final Duration timeout;
    /** Query thread only. */
    private KafkaConsumer<byte[], byte[]> consumer;

    KafkaOffsetReader(KafkaSourceOptions options) {
        this.options = options;
        this.timeout = Duration.ofMillis(KafkaParams.apiTimeoutMs(options.kafkaParams()));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(KafkaParams.driverConsumer(options.kafkaParams()));
        }
        return consumer;
    }

    String description() {
        return options.strategy().description();
    }

    List<TopicPartition> partitions() {
        return withRetries("list the partitions of " + description(), () -> options.strategy().partitions(consumer(), timeout));
    }

    Map<TopicPartition, Long> earliest(Collection<TopicPartition> tps) {
        if (tps.isEmpty()) {
            return Map.of();
        }
        return sorted(withRetries("fetch the earliest offsets of " + tps, () -> consumer().beginningOffsets(tps, timeout)));
    }

    Map<TopicPartition, Long> latest(Collection<TopicPartition> tps) {
        if (tps.isEmpty()) {
            return Map.of();
        }
        return sorted(withRetries("fetch the latest offsets of " + tps, () -> consumer().endOffsets(tps, timeout)));
    }

    /**
     * The latest offsets of {@code tps} within {@code bound} (capped by {@code default.api.timeout.ms}),
     * one attempt, or null if Kafka did not answer: for progress metrics, never for planning.
     */
    Map<TopicPartition, Long> latestOrNull(Collection<TopicPartition> tps, Duration bound) {
        if (tps.isEmpty()) {
            return null;
        }
        try {
            return sorted(consumer().endOffsets(tps, bound.compareTo(timeout) < 0 ? bound : timeout));
        } catch (KafkaException e) {
            closeConsumer();
            return null;
        }
    }

    /** Resolves a new query's starting offsets; specific offsets of -1/-2 become latest/earliest. */
    Map<TopicPartition, Long> resolve(StartingOffsets starting) {
        if (starting instanceof StartingOffsets.Earliest) {
            return earliest(partitions());
        }
        if (starting instanceof StartingOffsets.Latest) {
            return latest(partitions());
        }
        Map<TopicPartition, Long> specific = ((StartingOffsets.Specific) starting).offsets();
        Map<TopicPartition, Long> earliest = earliest(specific.keySet());
        Map<TopicPartition, Long> latest = latest(specific.keySet());
        Map<TopicPartition, Long> out = new LinkedHashMap<>();
        specific.forEach((tp, off) -> out.put(tp, off == StartingOffsets.EARLIEST ? earliest.get(tp)
                : off == StartingOffsets.LATEST ? latest.get(tp) : off));
        return sorted(out);
    }

    private <T> T withRetries(String what, Supplier<T> call) {
        KafkaException last = null;
        for (int attempt = 0; attempt <= options.fetchOffsetNumRetries(); attempt++) {
            try {
                return call.get();
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                last = e;
                // a dead planning consumer may be stuck in a bad state: start the next attempt afresh
                closeConsumer();
                if (attempt < options.fetchOffsetNumRetries()) {
                    sleep(options.fetchOffsetRetryIntervalMs());
                }
            }
        }
        throw new IllegalStateException("Failed to " + what + " after " + (options.fetchOffsetNumRetries() + 1)
                + " attempts (kafka.bootstrap.servers=" + options.kafkaParams().get("bootstrap.servers")
                + ", default.api.timeout.ms=" + timeout.toMillis() + "): " + last, last);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching Kafka offsets", e);
        }
    }

    private static Map<TopicPartition, Long> sorted(Map<TopicPartition, Long> m) {
        Map<TopicPartition, Long> out = new TreeMap<>(TopicPartitionOffsets.ORDER);
        out.putAll(m);
        return out;
    }

    private void closeConsumer() {
        if (consumer != null) {
            try {
                consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ZERO));
            } catch (RuntimeException ignored) {
                // closing a consumer that never connected must not hide the real error
            }
            consumer = null;
        }
    }

    @Override
    public void close() {
        closeConsumer();
    }
}
