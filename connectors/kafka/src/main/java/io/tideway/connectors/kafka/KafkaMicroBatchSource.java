package io.tideway.connectors.kafka;

import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SourceLog;
import io.tideway.engine.spi.StreamSource;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Kafka source in micro-batch mode (Spark's {@code KafkaMicroBatchStream}). An
 * offset is the next offset per topic-partition; a batch (start, end] becomes one
 * {@link KafkaInputPartition} per topic-partition with data (more with {@code minPartitions}),
 * read with {@code assign} + {@code seek}. A new query starts from {@code startingOffsets}, resolved
 * once and logged in {@code sources/<i>/0}; partitions that appear later start at their earliest
 * offset. Vanished partitions and offsets that went backwards are data loss ({@link DataLoss}).
 *
 * <p>Threading: planning methods on the query thread only (they own the {@link KafkaOffsetReader});
 * readers run on worker threads and share only immutable options.
 */
final class KafkaMicroBatchSource implements StreamSource {
    private final KafkaSourceOptions options;
    /** The source's own log in the checkpoint (its resolved starting offsets), or null. */
    private final SourceLog log;
    private final String groupId;
    private final KafkaOffsetReader offsetReader;
    /** Resolved on first use. Query thread only. */
    private KafkaSourceOffset initial;
    /** The latest offsets the last {@link #latestOffset} saw (before rate limiting), for {@link #metrics}. Query thread only. */
    private Map<TopicPartition, Long> latestAvailable;
    /** {@code Trigger.AvailableNow} target, or null. Query thread only. */
    private Map<TopicPartition, Long> availableNowTarget;

    KafkaMicroBatchSource(KafkaSourceOptions options, SourceLog log, String groupId) {
        this.options = options;
        this.log = log;
        this.groupId = groupId;
        this.offsetReader = new KafkaOffsetReader(options);
    }

    @Override
    public String description() {
        return options.description();
    }

    private KafkaSourceOffset initial() {
        if (initial == null) {
            initial = InitialOffsetsLog.loadOrCreate(log,
                    () -> new KafkaSourceOffset(offsetReader.resolve(options.startingOffsets())));
        }
        return initial;
    }

    @Override
    public Offset latestOffset(Offset start, ReadLimit limit) {
        Map<TopicPartition, Long> from = new TreeMap<>(TopicPartitionOffsets.ORDER);
        from.putAll((start == null ? initial() : (KafkaSourceOffset) start).partitionToOffset());
        List<TopicPartition> now = offsetReader.partitions();
        Map<TopicPartition, Long> latest = new TreeMap<>(TopicPartitionOffsets.ORDER);
        latest.putAll(offsetReader.latest(now));
        if (availableNowTarget != null) {
            latest.replaceAll((tp, end) -> Math.min(end, availableNowTarget.getOrDefault(tp, end)));
        }
        latestAvailable = latest;
        if (limit == ReadLimit.SOURCE_DEFAULT && options.maxOffsetsPerTrigger() > 0) {
            Set<TopicPartition> fresh = new HashSet<>(latest.keySet());
            fresh.removeAll(from.keySet());
            Map<TopicPartition, Long> withNew = new LinkedHashMap<>(from);
            withNew.putAll(offsetReader.earliest(fresh));
            return new KafkaSourceOffset(OffsetRanges.rateLimit(options.maxOffsetsPerTrigger(), withNew, latest));
        }
        return new KafkaSourceOffset(latest);
    }

    /** The topic ends last fetched, as Spark's Kafka source reports them in the progress's {@code latestOffset}. */
    @Override
    public Offset reportLatestOffset() {
        return latestAvailable == null ? null : new KafkaSourceOffset(latestAvailable);
    }

    /** Spark's {@code min/max/avgOffsetsBehindLatest}: the batch's end against the latest offsets last fetched. */
    @Override
    public Map<String, String> metrics(Offset end) {
        return OffsetsBehindLatest.metrics(((KafkaSourceOffset) end).partitionToOffset(), latestAvailable);
    }

    @Override
    public void prepareForTriggerAvailableNow() {
        availableNowTarget = offsetReader.latest(offsetReader.partitions());
    }

    @Override
    public Offset deserializeOffset(String json) {
        return KafkaSourceOffset.parse(json);
    }

    @Override
    public List<InputPartition> planPartitions(Offset start, Offset end) {
        Map<TopicPartition, Long> from = (start == null ? initial() : (KafkaSourceOffset) start).partitionToOffset();
        Map<TopicPartition, Long> until = ((KafkaSourceOffset) end).partitionToOffset();
        Set<TopicPartition> fresh = new HashSet<>(until.keySet());
        fresh.removeAll(from.keySet());
        Map<TopicPartition, Long> freshStart = offsetReader.earliest(fresh);
        Set<TopicPartition> gone = new HashSet<>(from.keySet());
        gone.removeAll(until.keySet());
        if (!gone.isEmpty()) {
            DataLoss.report(options.failOnDataLoss(), gone + " are gone");
        }
        List<KafkaInputPartition> ranges = new ArrayList<>();
        for (Map.Entry<TopicPartition, Long> e : until.entrySet()) {
            TopicPartition tp = e.getKey();
            Long begin = from.containsKey(tp) ? from.get(tp) : freshStart.get(tp);
            if (begin == null) {
                DataLoss.report(options.failOnDataLoss(), "Cannot find earliest offsets of " + tp);
                continue;
            }
            if (freshStart.containsKey(tp) && begin != 0) {
                DataLoss.report(options.failOnDataLoss(), "Added partition " + tp + " starts from " + begin + " instead of 0");
            }
            long stop = e.getValue();
            if (stop < begin) {
                DataLoss.report(options.failOnDataLoss(), "Partition " + tp + "'s offset was changed from " + begin + " to "
                        + stop + ", some data may have been missed");
                continue;
            }
            if (stop > begin) {
                ranges.add(new KafkaInputPartition(ranges.size(), tp, begin, stop));
            }
        }
        return new ArrayList<>(OffsetRanges.split(ranges, options.minPartitions()));
    }

    @Override
    public PartitionReader createReader(InputPartition partition) {
        return new KafkaPartitionReader(options, groupId, (KafkaInputPartition) partition);
    }

    @Override
    public void stop() {
        offsetReader.close();
    }

    @Override
    public String toString() {
        return description();
    }
}
