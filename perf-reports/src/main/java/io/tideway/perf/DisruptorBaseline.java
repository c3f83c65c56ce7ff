package io.tideway.perf;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import io.tideway.agent.AgentThreads;
import io.tideway.continuous.ContinuousWait;
import io.tideway.continuous.PacedIdleStrategy;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicLong;

/**
 * W1/W2 with no engine: one partition as a producer thread and a consumer thread on a Disruptor
 * ring of pre-allocated slots, shaped like Tideway's continuous partition (ring of 1024 slots,
 * due rows packed up to {@code rowsPerSlot} per slot, the same wait strategies: the consumer waits
 * with the task's {@link WaitStrategy} and the producer idles with the reader's
 * {@link PacedIdleStrategy}, told each row's due time as a paced source tells it). The producer
 * emits {@code (intendedNanoTime, value)} rows on an exact {@code System.nanoTime()} schedule
 * ({@code rowsPerSecond > 0}) or as fast as the ring takes them ({@code 0}); the consumer computes
 * {@code v = value * 2}, keeps {@code v >= 0}, and records {@code nanoTime - intended} into
 * {@code latency} (if not null) and counts rows into {@code rows}.
 *
 * <p>Threading: {@link #start()} and {@link #stop()} from one control thread, which starts the
 * producer and consumer threads (not daemons, as before) through {@link AgentThreads}; the ring's slots
 * are written by the producer thread and read by the consumer thread, ordered by the ring's
 * sequences; {@code rows} is published by the consumer with a release store.
 */
final class DisruptorBaseline {
    static final int RING_SIZE = 1024;

    /** A ring slot: up to {@code rowsPerSlot} rows as parallel arrays. */
    static final class Slot {
        final long[] intended;
        final long[] value;
        int count;

        Slot(int rowsPerSlot) {
            intended = new long[rowsPerSlot];
            value = new long[rowsPerSlot];
        }
    }

    private final long rowsPerSecond;
    private final int rowsPerSlot;
    private final String name;
    /** Producer thread only. */
    private final PacedIdleStrategy producerIdle;
    private final RingBuffer<Slot> ring;
    private final BatchEventProcessor<Slot> consumer;
    /** Control thread. */
    private Thread producerThread;
    /** Control thread. */
    private Thread consumerThread;
    private volatile boolean running = true;
    private static final AgentThreads THREADS = new AgentThreads(Thread::new);

    DisruptorBaseline(String name, long rowsPerSecond, int rowsPerSlot, String wait, Recorder latency, AtomicLong rows) {
        this.rowsPerSecond = rowsPerSecond;
        this.rowsPerSlot = rowsPerSlot;
        this.name = name;
        ContinuousWait waits = WaitStrategies.wait(wait);
        WaitStrategy consumerWait = waits.newTaskWait(ContinuousWait.AUTO_SPIN_WINDOW);
        this.producerIdle = waits.newReaderIdle(consumerWait, ContinuousWait.AUTO_SPIN_WINDOW);
        this.ring = RingBuffer.createSingleProducer(() -> new Slot(rowsPerSlot), RING_SIZE, consumerWait);
        this.consumer = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), new Handler(latency, rows));
        ring.addGatingSequences(consumer.getSequence());
    }

    void start() {
        consumerThread = THREADS.start(name + "-consumer", consumer);
        producerThread = THREADS.start(name + "-producer", this::produce);
    }

    void stop() throws InterruptedException {
        running = false;
        producerThread.join();
        consumer.halt();
        consumerThread.join();
    }

    private void produce() {
        long period = rowsPerSecond > 0 ? 1_000_000_000L / rowsPerSecond : 0;
        long due = System.nanoTime() + period;
        long value = 0;
        while (running) {
            long now = period > 0 ? System.nanoTime() : due;
            if (due - now > 0) {
                producerIdle.nextRowDue(due);
                producerIdle.idle(0);
                continue;
            }
            producerIdle.reset();
            long sequence = ring.next();
            Slot slot = ring.get(sequence);
            int n = 0;
            do {
                slot.intended[n] = due;
                slot.value[n] = value++;
                due += period;
                n++;
            } while (n < rowsPerSlot && due - now <= 0);
            slot.count = n;
            ring.publish(sequence);
        }
    }

    /** The consumer's work per slot: the W1 operators and the sink. Consumer thread only. */
    private static final class Handler implements EventHandler<Slot> {
        private final Recorder latency;
        private final AtomicLong rows;
        private long count;

        Handler(Recorder latency, AtomicLong rows) {
            this.latency = latency;
            this.rows = rows;
        }

        @Override
        public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
            for (int i = 0; i < slot.count; i++) {
                long v = slot.value[i] * 2;
                if (v >= 0) {
                    if (latency != null) {
                        latency.recordValue(Math.max(0, System.nanoTime() - slot.intended[i]));
                    }
                    count++;
                }
            }
            if (endOfBatch) {
                rows.setRelease(count);
            }
        }
    }
}
