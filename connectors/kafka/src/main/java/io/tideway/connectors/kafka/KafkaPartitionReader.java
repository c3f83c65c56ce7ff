package io.tideway.connectors.kafka;

import io.tideway.engine.source.ClockMapping;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.offheap.row.RowConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

/**
 * Reads one {@link KafkaInputPartition}: {@code assign} + {@code seek(from)}, then records until
 * the consumer's position reaches {@code until} (gaps such as transaction markers or compacted
 * records are normal). Each {@link #read} polls at most {@link #POLL} so the worker never sits in
 * the client for long; a range that makes no progress for {@code kafkaConsumer.pollTimeoutMs}
 * fails with Spark's message. An offset below the log start is data loss: fail, or skip to the
 * earliest offset ({@code failOnDataLoss=false}).
 *
 * <p>Threading: owned by one worker thread, as is its consumer.
 */
final class KafkaPartitionReader implements PartitionReader {
    static final Duration POLL = Duration.ofMillis(100);

    private final KafkaSourceOptions options;
    private final KafkaInputPartition range;
    private final TopicPartition tp;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordRowWriter rows;
    private Iterator<ConsumerRecord<byte[], byte[]>> pending = java.util.Collections.emptyIterator();
    private long nextOffset;
    private long lastProgressMs = System.currentTimeMillis();
    private boolean done;
    /** Adds to a record's timestamp (in ns) to give {@code System.nanoTime()}'s scale. */
    private final long epochToNanoTime = -ClockMapping.epochNanosMinusNanoTime();
    /** The first record of the last read: its timestamp on {@code System.nanoTime()}'s scale. */
    private long firstRowSourceNanoTime = UNKNOWN_SOURCE_TIME;

    KafkaPartitionReader(KafkaSourceOptions options, String groupId, KafkaInputPartition range) {
        this.options = options;
        this.range = range;
        this.tp = range.topicPartition();
        this.rows = new RecordRowWriter(options.includeHeaders());
        this.consumer = new KafkaConsumer<>(KafkaParams.executorConsumer(options.kafkaParams(), groupId));
        consumer.assign(List.of(tp));
        consumer.seek(tp, range.fromOffset());
        this.nextOffset = range.fromOffset();
        this.done = range.fromOffset() >= range.untilOffset();
    }

    @Override
    public int read(RowConsumer out, int maxRows) {
        if (done) {
            return -1;
        }
        int n = 0;
        while (n < maxRows) {
            if (!pending.hasNext()) {
                if (n > 0 || !fetch()) {
                    break;
                }
                continue;
            }
            ConsumerRecord<byte[], byte[]> r = pending.next();
            if (r.offset() >= range.untilOffset()) {
                done = true;
                break;
            }
            if (n == 0) {
                // the record's timestamp (producer create time or broker log-append time, ms) is its source time
                firstRowSourceNanoTime = r.timestamp() >= 0 ? r.timestamp() * 1_000_000L + epochToNanoTime : UNKNOWN_SOURCE_TIME;
            }
            rows.write(r, out);
            nextOffset = r.offset() + 1;
            n++;
        }
        if (!done && !pending.hasNext() && nextOffset >= range.untilOffset()) {
            done = true;
        }
        return n == 0 && done ? -1 : n;
    }

    @Override
    public long firstRowSourceNanoTime() {
        return firstRowSourceNanoTime;
    }

    /** One short poll; returns whether records arrived. Marks the range done once the position passes its end. */
    private boolean fetch() {
        List<ConsumerRecord<byte[], byte[]>> got;
        try {
            got = consumer.poll(POLL).records(tp);
        } catch (OffsetOutOfRangeException e) {
            DataLoss.report(options.failOnDataLoss(), "Cannot fetch offset " + nextOffset + " of " + tp
                    + " (the range to read is [" + range.fromOffset() + ", " + range.untilOffset() + ")): " + e.getMessage());
            consumer.seekToBeginning(List.of(tp));
            long earliest = consumer.position(tp, Duration.ofMillis(options.pollTimeoutMs()));
            nextOffset = Math.max(nextOffset, earliest);
            done = nextOffset >= range.untilOffset();
            return false;
        }
        long now = System.currentTimeMillis();
        if (!got.isEmpty()) {
            pending = got.iterator();
            lastProgressMs = now;
            return true;
        }
        if (consumer.position(tp) >= range.untilOffset()) {
            done = true;
            return false;
        }
        if (now - lastProgressMs > options.pollTimeoutMs()) {
            throw new IllegalStateException("Cannot fetch record for offset " + nextOffset + " in " + options.pollTimeoutMs()
                    + " milliseconds (" + tp + ", range [" + range.fromOffset() + ", " + range.untilOffset() + "))");
        }
        return false;
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
