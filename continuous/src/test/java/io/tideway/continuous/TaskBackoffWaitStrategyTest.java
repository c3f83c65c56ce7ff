package io.tideway.continuous;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.tideway.engine.spi.ContinuousPartitionReader;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stress of the backoff hand-off: a producer that publishes in bursts with pauses (the parks
 * shape the load so the task spins, yields and parks in turn; nothing waits on them) and
 * announces due times now and then, past and future; every event must arrive, in order, and
 * halt must stop the task wherever it waits.
 */
class TaskBackoffWaitStrategyTest {
    /** One event. */
    static final class Event {
        long value;
    }

    @Test
    void everyPublishedEventArrivesInOrderAndHaltStopsAParkedTask() throws Exception {
        TaskBackoffWaitStrategy wait = new TaskBackoffWaitStrategy(TimeUnit.MICROSECONDS.toNanos(1),
                TimeUnit.MICROSECONDS.toNanos(5), new ParkTimer(-1));
        RingBuffer<Event> ring = RingBuffer.createSingleProducer(Event::new, 16, wait);
        AtomicLong seen = new AtomicLong(-1);
        AtomicLong disorder = new AtomicLong();
        BatchEventProcessor<Event> processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(),
                (EventHandler<Event>) (event, sequence, endOfBatch) -> {
                    if (event.value != seen.get() + 1) {
                        disorder.incrementAndGet();
                    }
                    seen.set(event.value);
                });
        ring.addGatingSequences(processor.getSequence());
        Thread task = new Thread(processor, "backoff-stress-task");
        task.start();
        SplittableRandom random = new SplittableRandom(42);
        int events = 20_000;
        for (int i = 0; i < events; i++) {
            long seq = ring.next();
            ring.get(seq).value = i;
            ring.publish(seq);
            int r = random.nextInt(100);
            if (r < 2) {
                LockSupport.parkNanos(200_000); // the task reaches its park phase
            } else if (r < 4) {
                wait.nextRowDue(System.nanoTime() + random.nextLong(-300_000, 300_000));
            } else if (r == 5) {
                wait.nextRowDue(ContinuousPartitionReader.UNKNOWN_DUE_TIME);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.get() < events - 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(events - 1, seen.get(), "every event consumed");
        assertEquals(0, disorder.get(), "in order");
        processor.halt();
        task.join(10_000);
        assertFalse(task.isAlive(), "halt wakes and stops a parked task");
        assertTrue(processor.getSequence().get() == events - 1);
    }
}
