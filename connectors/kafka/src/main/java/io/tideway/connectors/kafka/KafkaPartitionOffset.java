package io.tideway.connectors.kafka;

import io.tideway.engine.spi.PartitionOffset;
import org.apache.kafka.common.TopicPartition;

/**
 * One continuous reader's position: the next offset of its topic-partition. Carried in the epoch
 * marker; the stream merges all of them into Spark's {@code {"topic":{"0":42}}} line. Immutable.
 */
record KafkaPartitionOffset(TopicPartition topicPartition, long nextOffset) implements PartitionOffset {
    @Override
    public String json() {
        return Long.toString(nextOffset);
    }
}
