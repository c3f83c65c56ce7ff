package io.tideway.connectors.kafka;

import io.tideway.engine.spi.InputPartition;
import org.apache.kafka.common.TopicPartition;

/** Offsets {@code [fromOffset, untilOffset)} of one topic-partition, read by one worker. Immutable. */
record KafkaInputPartition(int index, TopicPartition topicPartition, long fromOffset, long untilOffset)
        implements InputPartition {
    long size() {
        return untilOffset - fromOffset;
    }
}
