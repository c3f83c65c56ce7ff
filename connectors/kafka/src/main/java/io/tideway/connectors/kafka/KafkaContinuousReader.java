package io.tideway.connectors.kafka;

import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.offheap.row.RowConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Reads one topic-partition for the life of a continuous query (Spark's
 * {@code KafkaContinuousPartitionReader}): {@code assign} + {@code seek} to the start offset, then
 * each {@link #poll} hands over what the consumer has buffered, asking the client with a zero
 * timeout only when that is used up, so it never waits (the reader thread's idle strategy does).
 * An offset below the log start is data loss: fail, or continue at the earliest offset.
 *
 * <p>Threading: owned by one reader thread, as is its consumer; every field is reader thread only.
 */
final class KafkaContinuousReader implements ContinuousPartitionReader {
    private final KafkaSourceOptions options;
    private final TopicPartition tp;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordRowWriter rows;
    private Iterator<ConsumerRecord<byte[], byte[]>> pending = Collections.emptyIterator();
    private long nextOffset;

    KafkaContinuousReader(KafkaSourceOptions options, String groupId, KafkaPartitionOffset start) {
        this.options = options;
        this.tp = start.topicPartition();
        this.rows = new RecordRowWriter(options.includeHeaders());
        this.consumer = new KafkaConsumer<>(KafkaParams.executorConsumer(options.kafkaParams(), groupId));
        consumer.assign(List.of(tp));
        consumer.seek(tp, start.nextOffset());
        this.nextOffset = start.nextOffset();
    }

    @Override
    public int poll(RowConsumer out, int maxRows) {
        if (!pending.hasNext() && !fetch()) {
            return 0;
        }
        int n = 0;
        while (n < maxRows && pending.hasNext()) {
            ConsumerRecord<byte[], byte[]> r = pending.next();
            rows.write(r, out);
            nextOffset = r.offset() + 1;
            n++;
        }
        return n;
    }

    private boolean fetch() {
        try {
            List<ConsumerRecord<byte[], byte[]>> got = consumer.poll(Duration.ZERO).records(tp);
            if (got.isEmpty()) {
                return false;
            }
            pending = got.iterator();
            return true;
        } catch (OffsetOutOfRangeException e) {
            DataLoss.report(options.failOnDataLoss(), "Cannot fetch offset " + nextOffset + " of " + tp + ": " + e.getMessage());
            consumer.seekToBeginning(List.of(tp));
            nextOffset = Math.max(nextOffset, consumer.position(tp, Duration.ofMillis(options.pollTimeoutMs())));
            return false;
        }
    }

    @Override
    public PartitionOffset currentOffset() {
        return new KafkaPartitionOffset(tp, nextOffset);
    }

    @Override
    public void close() {
        try {
            consumer.close();
        } finally {
            rows.close();
        }
    }
}
