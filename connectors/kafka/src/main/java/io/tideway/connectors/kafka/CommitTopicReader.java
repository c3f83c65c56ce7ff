package io.tideway.connectors.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Finds one sink's last committed batch in an existing commit topic, reading no further than it
 * must. A {@code read_committed} consumer stops at the partition's last stable offset, so any
 * transaction still open in the topic, whoever's, stops it there. Hence two passes: a
 * {@code read_uncommitted} pass to the high watermark, which no transaction holds back, finds the
 * offset of the sink's last marker of any state; then a {@code read_committed} pass up to just
 * past that offset keeps the highest committed one. Only a transaction that began before the
 * sink's own last marker can delay the second pass, and none in a topic only this sink writes to:
 * its own previous producer's was aborted by {@code initTransactions} before this runs.
 *
 * <p>Threading: called by {@link SinkCommitLog} on the thread starting the sink; immutable.
 */
final class CommitTopicReader {
    /** Pause between asking again for the end of a commit topic the broker does not know yet. */
    private static final long METADATA_RETRY_MS = 50;
    private static final Duration POLL = Duration.ofMillis(100);

    private final byte[] sinkKey;
    private final Map<String, Object> clientParams;
    private final Duration timeout;

    CommitTopicReader(String sinkId, Map<String, Object> clientParams, Duration timeout) {
        this.sinkKey = sinkId.getBytes(StandardCharsets.UTF_8);
        this.clientParams = clientParams;
        this.timeout = timeout;
    }

    /** The highest batch id the sink committed in {@code topic}, or -1; gives up at {@code deadline} (nanoTime). */
    long lastCommitted(Admin admin, String topic, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicPartition tp = new TopicPartition(topic, 0);
        long end = highWatermark(admin, tp, deadline);
        long[] lastOwnOffset = {-1};
        read(tp, IsolationLevel.READ_UNCOMMITTED, end, deadline, r -> lastOwnOffset[0] = r.offset());
        if (lastOwnOffset[0] < 0) {
            return -1;
        }
        long[] last = {-1};
        read(tp, IsolationLevel.READ_COMMITTED, lastOwnOffset[0] + 1, deadline,
                r -> last[0] = Math.max(last[0], Long.parseLong(new String(r.value(), StandardCharsets.UTF_8))));
        return last[0];
    }

    /** Reads {@code tp} from its start until the position reaches {@code until}, handing on the sink's own markers. */
    private void read(TopicPartition tp, IsolationLevel isolation, long until, long deadline,
                      Consumer<ConsumerRecord<byte[], byte[]>> own) {
        Map<String, Object> c = new HashMap<>(clientParams);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            while (consumer.position(tp, timeout) < until) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("Timed out after " + timeout.toMillis() + " ms reading the sink commit"
                            + " topic '" + tp.topic() + "' up to offset " + until + " (at " + consumer.position(tp) + ", "
                            + isolation + ")" + (isolation == IsolationLevel.READ_COMMITTED
                            ? ": a transaction another producer left open there holds it back until it ends (at most its"
                            + " transaction.timeout.ms); sinks that write to one commit topic wait for each other's"
                            + " open transactions" : ""));
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL).records(tp)) {
                    if (r.key() != null && r.value() != null && Arrays.equals(r.key(), sinkKey)) {
                        own.accept(r);
                    }
                }
            }
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
