package io.tideway.connectors.kafka;

import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The consumer of one topic-partition on a thread of its own, feeding a
 * {@link KafkaContinuousReader}: it blocks in {@code consumer.poll}, which returns as soon as a
 * fetch response brings records, and hands each non-empty batch to the reader thread through a
 * single-producer single-consumer queue ({@link #next}).
 *
 * <p>Why a thread: a {@code KafkaConsumer} only reads its sockets inside {@code poll}. Polling it
 * with a zero timeout from the reader's duty cycle (the earlier design) cost ~15 µs of CPU per
 * idle cycle, a third of a core per partition on an idle topic, and on a busy 2-core machine
 * that stolen CPU showed up as milliseconds of fetch lag for every pipeline thread. Blocked in
 * {@code poll}, the consumer sleeps in the selector until the broker answers.
 *
 * <p>A full queue (the reader is behind) parks the fetch thread in {@link #FULL_PARK_NANOS} steps:
 * back-pressure off the data path, as the reader only drains. An offset below the log start is
 * data loss: with {@code failOnDataLoss} the fetch thread stops and {@link #failure} carries the
 * error to the reader; otherwise it continues at the earliest offset and says so in the batch.
 *
 * <p>Threading: the consumer is confined to the fetch thread after {@link #start} (the
 * constructor's assign/seek happen-before it); {@link #next} and {@link #close} are reader
 * thread only; {@link #failure} and {@link #running} are volatile, written by the fetch thread
 * and the reader thread respectively.
 */
final class PartitionFetcher implements AutoCloseable {
    /** Batches queued ahead of the reader (each up to {@code max.poll.records} records). */
    private static final int QUEUE_BATCHES = 8;
    /** Bounds one blocking poll; {@link #close} wakes the consumer sooner. */
    private static final Duration POLL_BOUND = Duration.ofSeconds(1);
    private static final long FULL_PARK_NANOS = 50_000;

    /** A fetched batch; {@code skippedTo} ≥ 0 when data loss moved the consumer to that offset first. */
    record Batch(List<ConsumerRecord<byte[], byte[]>> records, long skippedTo) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition tp;
    private final boolean failOnDataLoss;
    private final long positionTimeoutMs;
    private final OneToOneConcurrentArrayQueue<Batch> queue = new OneToOneConcurrentArrayQueue<>(QUEUE_BATCHES);
    private final Thread thread;
    /** Reader thread only. */
    private boolean started;
    private volatile boolean running = true;
    private volatile Throwable failure;

    PartitionFetcher(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long startOffset, boolean failOnDataLoss,
                     long positionTimeoutMs) {
        this.consumer = consumer;
        this.tp = tp;
        this.failOnDataLoss = failOnDataLoss;
        this.positionTimeoutMs = positionTimeoutMs;
        consumer.assign(List.of(tp));
        consumer.seek(tp, startOffset);
        this.thread = new Thread(this::run, "tideway-kafka-fetch-" + tp);
        thread.setDaemon(true);
    }

    /** Hands the consumer to the fetch thread. Reader thread only. */
    void start() {
        started = true;
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                Batch batch = fetch();
                if (batch != null) {
                    while (!queue.offer(batch)) {
                        if (!running) {
                            return;
                        }
                        LockSupport.parkNanos(FULL_PARK_NANOS);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer
        } catch (Throwable t) {
            failure = t;
        } finally {
            consumer.close();
        }
    }

    private Batch fetch() {
        try {
            List<ConsumerRecord<byte[], byte[]>> got = consumer.poll(POLL_BOUND).records(tp);
            return got.isEmpty() ? null : new Batch(got, -1);
        } catch (OffsetOutOfRangeException e) {
            DataLoss.report(failOnDataLoss, "Cannot fetch offset " + e.offsetOutOfRangePartitions().get(tp) + " of " + tp
                    + ": " + e.getMessage());
            consumer.seekToBeginning(List.of(tp));
            return new Batch(List.of(), consumer.position(tp, Duration.ofMillis(positionTimeoutMs)));
        }
    }

    /** The next fetched batch, or null if none is ready; throws the fetch thread's failure. Reader thread only. */
    Batch next() {
        Batch b = queue.poll();
        if (b == null) {
            Throwable t = failure;
            if (t != null) {
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("Fetching " + tp + " failed: " + t, t);
            }
        }
        return b;
    }

    /** Stops the fetch thread (waking a blocked poll) and waits for it to close the consumer. Reader thread only. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (!started) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        thread.join();
    }
}
