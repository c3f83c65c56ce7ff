package io.tideway.connectors.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The record of which batches an exactly-once sink has committed: a one-partition, compacted
 * control topic ({@code commitTopic}; by default one per sink, {@link KafkaSinkOptions#defaultCommitTopic})
 * holding {@code sinkId → batchId}, written inside each batch's transaction, so a batch's
 * marker is visible exactly when its rows are. Read once when the sink starts, after
 * {@code initTransactions} has settled the previous run's last transaction
 * ({@link CommitTopicReader}).
 *
 * <p>A sink on the default topic that finds no marker of its own there also reads the topic all
 * sinks shared before, if it exists: a query whose batches were recorded there keeps them, and
 * its first commit on its own topic (always a later batch) makes the shared topic irrelevant to
 * it. Until then each start reads it again, so nothing needs copying.
 *
 * <p>Threading: called with the sink's transaction lock held; no state of its own beyond
 * immutable configuration.
 */
final class SinkCommitLog {
    /** The admin client's default {@code request.timeout.ms}. */
    private static final long ADMIN_REQUEST_TIMEOUT_MS = 30_000;
    private final String topic;
    /** Where the sink's markers may be from before it had {@link #topic}, or null. */
    private final String legacyTopic;
    private final String sinkId;
    private final Map<String, Object> clientParams;
    private final Duration timeout;

    SinkCommitLog(String topic, String legacyTopic, String sinkId, Map<String, Object> clientParams, Duration timeout) {
        this.topic = topic;
        this.legacyTopic = legacyTopic;
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
        long deadline = System.nanoTime() + timeout.toNanos();
        CommitTopicReader reader = new CommitTopicReader(sinkId, clientParams, timeout);
        String reading = topic;
        try (Admin admin = Admin.create(adminParams(clientParams))) {
            Set<String> topics = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // a topic this call creates is empty; asking for its end now could also fail, as brokers may not know it yet
            long last = topics.contains(topic) || !create(admin) ? reader.lastCommitted(admin, topic, deadline) : -1;
            if (last < 0 && legacyTopic != null && topics.contains(legacyTopic)) {
                reading = legacyTopic;
                last = reader.lastCommitted(admin, legacyTopic, deadline);
            }
            return last;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Failed to read the end of the sink commit topic '" + reading + "' (option"
                    + " 'commitTopic'): " + (e.getCause() == null ? e : e.getCause()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the sink commit topic '" + reading + "'", e);
        }
    }

    /**
     * The admin client's parameters: the producer's, less what only a producer takes. The admin
     * client refuses a {@code default.api.timeout.ms} below its {@code request.timeout.ms} (30 s
     * unless set), so when only the former is given, and is shorter, the request timeout follows
     * it: {@code kafka.default.api.timeout.ms=10000} alone then works as a user expects.
     */
    static Map<String, Object> adminParams(Map<String, Object> clientParams) {
        Map<String, Object> a = new HashMap<>(clientParams);
        a.keySet().removeIf(k -> k.endsWith(".serializer") || k.equals("transactional.id"));
        if (a.containsKey(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG)
                && !a.containsKey(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG)) {
            long api = KafkaParams.apiTimeoutMs(a);
            if (api < ADMIN_REQUEST_TIMEOUT_MS) {
                a.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(api));
            }
        }
        return a;
    }

    /** Creates the control topic; returns false if another client created it first. */
    private boolean create(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
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
}
