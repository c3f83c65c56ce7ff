package io.tideway.connectors.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The record of which batches an exactly-once sink has committed: a one-partition, compacted
 * control topic ({@code commitTopic}) holding {@code sinkId → batchId}, written inside each
 * batch's transaction, so a batch's marker is visible exactly when its rows are. Read once
 * when the sink starts, after {@code initTransactions} has settled the previous run's last
 * transaction, with a {@code read_committed} consumer up to the partition's high watermark.
 *
 * <p>Threading: called with the sink's transaction lock held; no state of its own beyond
 * immutable configuration.
 */
final class SinkCommitLog {
    /** Pause between asking again for the end of a commit topic the broker does not know yet. */
    private static final long METADATA_RETRY_MS = 50;

    private final String topic;
    private final String sinkId;
    private final Map<String, Object> clientParams;
    private final Duration timeout;

    SinkCommitLog(String topic, String sinkId, Map<String, Object> clientParams, Duration timeout) {
        this.topic = topic;
        this.sinkId = sinkId;
        this.clientParams = clientParams;
        this.timeout = timeout;
    }

    ProducerRecord<byte[], byte[]> marker(long batchId) {
        return new ProducerRecord<>(topic, 0, sinkId.getBytes(StandardCharsets.UTF_8),
                Long.toString(batchId).getBytes(StandardCharsets.UTF_8));
    }

    /** The last batch id this sink committed, or -1; creates the control topic if needed. */
    long lastCommitted() {
        TopicPartition tp = new TopicPartition(topic, 0);
        long highWatermark;
        try (Admin admin = Admin.create(adminParams())) {
            if (ensureTopic(admin)) {
                // new, so empty; asking for its end now could also fail, as brokers may not know it yet
                return -1;
            }
            highWatermark = highWatermark(admin, tp, System.nanoTime() + timeout.toNanos());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Failed to read the end of the sink commit topic '" + topic + "' (option"
                    + " 'commitTopic'): " + (e.getCause() == null ? e : e.getCause()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the sink commit topic '" + topic + "'", e);
        }
        Map<String, Object> c = new HashMap<>(clientParams);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        long last = -1;
        byte[] me = sinkId.getBytes(StandardCharsets.UTF_8);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + timeout.toNanos();
            // another sink's open transaction holds the stable offset back; it commits or times out
            while (consumer.position(tp, timeout) < highWatermark) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out after " + timeout.toMillis() + " ms reading the sink commit"
                            + " topic '" + topic + "' up to offset " + highWatermark + " (at " + consumer.position(tp)
                            + "): an open transaction holds it back");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100)).records(tp)) {
                    if (r.key() != null && java.util.Arrays.equals(r.key(), me) && r.value() != null) {
                        last = Math.max(last, Long.parseLong(new String(r.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return last;
    }

    private Map<String, Object> adminParams() {
        Map<String, Object> a = new HashMap<>(clientParams);
        a.keySet().removeIf(k -> k.endsWith(".serializer") || k.equals("transactional.id"));
        return a;
    }

    /** Creates the control topic if it does not exist; returns whether this call created it. */
    private boolean ensureTopic(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        if (admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
            return false;
        }
        NewTopic t = new NewTopic(topic, Optional.of(1), Optional.empty())
                .configs(Map.of("cleanup.policy", "compact"));
        try {
            admin.createTopics(List.of(t)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            return false;
        }
    }

    /**
     * The partition's high watermark. A topic another sink has just created can be unknown to the
     * broker answering for a moment (its metadata is still on the way), so that is retried until
     * the deadline.
     */
    private static long highWatermark(Admin admin, TopicPartition tp, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                return admin.listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                        .partitionResult(tp).get(left, TimeUnit.MILLISECONDS).offset();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.sleep(METADATA_RETRY_MS);
            }
        }
    }
}
