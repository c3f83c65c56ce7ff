package io.tideway.connectors.kafka;

import io.tideway.engine.spi.Offset;
import org.apache.kafka.common.TopicPartition;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The source's offset in {@code offsets/N}: the next offset to read per topic-partition, as
 * Spark writes it ({@code {"topic":{"0":42}}}). Immutable.
 */
record KafkaSourceOffset(Map<TopicPartition, Long> partitionToOffset) implements Offset {
    KafkaSourceOffset {
        Map<TopicPartition, Long> sorted = new TreeMap<>(TopicPartitionOffsets.ORDER);
        sorted.putAll(partitionToOffset);
        partitionToOffset = Collections.unmodifiableMap(sorted);
    }

    static KafkaSourceOffset parse(String json) {
        return new KafkaSourceOffset(TopicPartitionOffsets.parse(json));
    }

    @Override
    public String json() {
        return TopicPartitionOffsets.write(partitionToOffset);
    }

    @Override
    public String toString() {
        return json();
    }
}
