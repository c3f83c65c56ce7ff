package io.tideway.connectors.kafka;

import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.PartitionOffset;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Kafka source in continuous mode (Spark's {@code KafkaContinuousStream}): one reader per
 * topic-partition, the set fixed when the query (re)starts: the checkpoint's partitions plus any
 * new ones (from their earliest offset). The source's line of {@code offsets/E} is the same JSON
 * as in micro-batch mode, so either executor resumes the other's checkpoint. Partitions added
 * while the query runs are read after the next restart (no live reconfiguration yet).
 *
 * <p>Threading: planning methods on the query thread; {@link #metrics} on the epoch coordinator
 * thread, after planning ({@link #metrics} and {@link #stop} share the offset reader under
 * {@code this}); readers are owned by reader threads and share only immutable options with this
 * object.
 */
final class KafkaContinuousStream implements ContinuousStream {
    /** The longest an epoch's progress report waits for the latest offsets. */
    private static final java.time.Duration METRICS_FETCH_BOUND = java.time.Duration.ofSeconds(1);

    private final KafkaSourceOptions options;
    private final String groupId;
    private final KafkaOffsetReader offsetReader;
    /** Fixed by {@link #initialOffsets} or {@link #deserializeOffsets}. Query thread only. */
    private List<TopicPartition> partitions;

    KafkaContinuousStream(KafkaSourceOptions options, String groupId) {
        this.options = options;
        this.groupId = groupId;
        this.offsetReader = new KafkaOffsetReader(options);
    }

    @Override
    public String description() {
        return options.description();
    }

    @Override
    public int numPartitions() {
        if (partitions == null) {
            initialOffsets();
        }
        return partitions.size();
    }

    @Override
    public List<PartitionOffset> initialOffsets() {
        return fix(offsetReader.resolve(options.startingOffsets()));
    }

    @Override
    public List<PartitionOffset> deserializeOffsets(String json) {
        Map<TopicPartition, Long> logged = new TreeMap<>(TopicPartitionOffsets.ORDER);
        logged.putAll(KafkaSourceOffset.parse(json).partitionToOffset());
        List<TopicPartition> now = offsetReader.partitions();
        Set<TopicPartition> gone = new HashSet<>(logged.keySet());
        now.forEach(gone::remove);
        if (!gone.isEmpty()) {
            DataLoss.report(options.failOnDataLoss(), gone + " are gone");
            logged.keySet().removeAll(gone);
        }
        Set<TopicPartition> fresh = new HashSet<>(now);
        fresh.removeAll(logged.keySet());
        logged.putAll(offsetReader.earliest(fresh));
        return fix(logged);
    }

    private List<PartitionOffset> fix(Map<TopicPartition, Long> offsets) {
        if (offsets.isEmpty()) {
            throw new IllegalStateException("No topic-partitions to read for " + description()
                    + ": a continuous Kafka query needs at least one existing partition when it starts");
        }
        Map<TopicPartition, Long> sorted = new TreeMap<>(TopicPartitionOffsets.ORDER);
        sorted.putAll(offsets);
        partitions = List.copyOf(sorted.keySet());
        List<PartitionOffset> out = new ArrayList<>(sorted.size());
        sorted.forEach((tp, off) -> out.add(new KafkaPartitionOffset(tp, off)));
        return out;
    }

    @Override
    public String serializeOffsets(List<PartitionOffset> offsets) {
        Map<TopicPartition, Long> m = new LinkedHashMap<>();
        for (PartitionOffset o : offsets) {
            KafkaPartitionOffset k = (KafkaPartitionOffset) o;
            m.put(k.topicPartition(), k.nextOffset());
        }
        return TopicPartitionOffsets.write(m);
    }

    @Override
    public ContinuousPartitionReader createReader(int partition, PartitionOffset start) {
        if (!(start instanceof KafkaPartitionOffset offset) || !offset.topicPartition().equals(partitions.get(partition))) {
            throw new IllegalArgumentException("Partition " + partition + " reads " + partitions.get(partition)
                    + " but was given the offset " + start);
        }
        return new KafkaContinuousReader(options, groupId, offset);
    }

    /**
     * Spark's {@code min/max/avgOffsetsBehindLatest} for the epoch's end. The latest offsets are
     * fetched here, once per epoch, with a short bound and no retry: progress must not hold up the
     * coordinator's next commit, so an unanswered fetch gives a report without these metrics.
     */
    @Override
    public synchronized Map<String, String> metrics(List<PartitionOffset> end) {
        Map<TopicPartition, Long> consumed = new LinkedHashMap<>();
        for (PartitionOffset o : end) {
            if (o instanceof KafkaPartitionOffset k) {
                consumed.put(k.topicPartition(), k.nextOffset());
            }
        }
        return OffsetsBehindLatest.metrics(consumed, offsetReader.latestOrNull(consumed.keySet(), METRICS_FETCH_BOUND));
    }

    @Override
    public synchronized void stop() {
        offsetReader.close();
    }
}
