package io.tideway.connectors.kafka;

import io.tideway.engine.source.ClockMapping;
import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.offheap.row.RowConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collections;
import java.util.Iterator;

/**
 * Reads one topic-partition for the life of a continuous query (Spark's
 * {@code KafkaContinuousPartitionReader}). The consumer ({@code assign} + {@code seek} to the
 * start offset) runs on a {@link PartitionFetcher} thread that blocks in {@code poll}; each
 * {@link #poll} here hands over what the fetcher has queued and never waits (the reader thread's
 * idle strategy does). An offset below the log start is data loss: fail, or continue at the
 * earliest offset.
 *
 * <p>Threading: owned by one reader thread; every field is reader thread only (the fetcher's
 * queue is the one crossing).
 */
final class KafkaContinuousReader implements ContinuousPartitionReader {
    private final TopicPartition tp;
    private final PartitionFetcher fetcher;
    private final RecordRowWriter rows;
    private Iterator<ConsumerRecord<byte[], byte[]>> pending = Collections.emptyIterator();
    private long nextOffset;
    /** Adds to a record's timestamp (in ns) to give {@code System.nanoTime()}'s scale. */
    private final long epochToNanoTime = -ClockMapping.epochNanosMinusNanoTime();
    /** The first record of the last poll: its timestamp on {@code System.nanoTime()}'s scale. */
    private long firstRowSourceNanoTime = UNKNOWN_DUE_TIME;

    KafkaContinuousReader(KafkaSourceOptions options, String groupId, KafkaPartitionOffset start) {
        this.tp = start.topicPartition();
        this.nextOffset = start.nextOffset();
        this.rows = new RecordRowWriter(options.includeHeaders());
        KafkaConsumer<byte[], byte[]> consumer = null;
        try {
            consumer = new KafkaConsumer<>(KafkaParams.executorConsumer(options.kafkaParams(), groupId));
            this.fetcher = new PartitionFetcher(consumer, tp, nextOffset, options.failOnDataLoss(), options.pollTimeoutMs());
        } catch (RuntimeException e) {
            if (consumer != null) {
                consumer.close();
            }
            rows.close();
            throw e;
        }
        fetcher.start();
    }

    @Override
    public int poll(RowConsumer out, int maxRows) {
        if (!pending.hasNext() && !nextBatch()) {
            return 0;
        }
        int n = 0;
        while (n < maxRows && pending.hasNext()) {
            ConsumerRecord<byte[], byte[]> r = pending.next();
            if (n == 0) {
                // the record's timestamp (producer create time or broker log-append time, ms) is its source time
                firstRowSourceNanoTime = r.timestamp() >= 0 ? r.timestamp() * 1_000_000L + epochToNanoTime : UNKNOWN_DUE_TIME;
            }
            rows.write(r, out);
            nextOffset = r.offset() + 1;
            n++;
        }
        return n;
    }

    private boolean nextBatch() {
        PartitionFetcher.Batch b = fetcher.next();
        if (b == null) {
            return false;
        }
        if (b.skippedTo() >= 0) {
            nextOffset = Math.max(nextOffset, b.skippedTo());
        }
        pending = b.records().iterator();
        return pending.hasNext();
    }

    @Override
    public long firstRowSourceNanoTime() {
        return firstRowSourceNanoTime;
    }

    @Override
    public PartitionOffset currentOffset() {
        return new KafkaPartitionOffset(tp, nextOffset);
    }

    @Override
    public void close() {
        try {
            fetcher.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rows.close();
        }
    }
}
