package io.tideway.continuous;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import io.tideway.agent.AgentThreads;
import io.tideway.agent.RunningAgent;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.spi.ContinuousPartitionReader;
import org.agrona.BufferUtil;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One source partition's pipeline: a reader agent, a Disruptor ring of pre-allocated slots whose
 * rows live in one off-heap region, and a task (the ring's event processor) running the fused
 * chain into the sink, each on its own thread from the query's {@link AgentThreads}. Created,
 * started and stopped by the query thread.
 */
final class PartitionPipeline {
    private final int partition;
    private final ByteBuffer memory;
    private final RingBuffer<RingSlot> ring;
    private final ReaderAgent reader;
    private final PacedIdleStrategy readerIdle;
    private final TaskHandler task;
    private final EpochWriter writer;
    private final BatchEventProcessor<RingSlot> processor;
    /** One writer per counter (reader or task thread); read by the coordinator thread. */
    private final PartitionCounters counters = new PartitionCounters();
    private final String taskName;
    private final FailureHandler failures;
    /** Query thread: set by {@link #start}, null before. */
    private RunningAgent readerAgent;
    /** Query thread: set by {@link #start}, null before. */
    private Thread taskThread;

    /** Where a task failure goes. */
    interface FailureHandler {
        void failed(int partition, long epoch, Throwable cause);
    }

    PartitionPipeline(String queryName, int partition, ContinuousPartitionReader source, Operator chainHead, EpochWriter writer,
                      LongSupplier currentEpoch, long startEpoch, ContinuousSettings settings, TaskHandler.Reporter reporter,
                      FailureHandler failures) {
        this.partition = partition;
        this.writer = writer;
        int slotBytes = settings.slotBytes();
        this.memory = ByteBuffer.allocateDirect(settings.ringSize() * slotBytes);
        int[] next = {0};
        WaitStrategy taskWait = settings.waitStrategy().newTaskWait(settings.spinWindowNanos());
        this.ring = RingBuffer.createSingleProducer(() -> {
            RingSlot s = new RingSlot();
            s.rows.wrap(memory, next[0]++ * slotBytes, slotBytes);
            return s;
        }, settings.ringSize(), taskWait);
        this.task = new TaskHandler(partition, chainHead, writer, reporter, counters, startEpoch);
        this.processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), task);
        processor.setExceptionHandler(new ExceptionHandler<>() {
            @Override
            public void handleEventException(Throwable ex, long sequence, RingSlot event) {
                failures.failed(partition, task.epoch(), ex);
                processor.halt();
            }

            @Override
            public void handleOnStartException(Throwable ex) {
                failures.failed(partition, task.epoch(), ex);
            }

            @Override
            public void handleOnShutdownException(Throwable ex) {
                failures.failed(partition, task.epoch(), ex);
            }
        });
        ring.addGatingSequences(processor.getSequence());
        this.readerIdle = settings.waitStrategy().newReaderIdle(taskWait, settings.spinWindowNanos());
        this.reader = new ReaderAgent("tideway-reader-" + queryName + "-" + partition, source, ring, currentEpoch,
                startEpoch, readerIdle, settings, counters, (t, epoch) -> failures.failed(partition, epoch, t));
        this.taskName = "tideway-task-" + queryName + "-" + partition;
        this.failures = failures;
    }

    /** Starts the task, then the reader, on threads from {@code threads}. Query thread, once. */
    void start(AgentThreads threads) {
        taskThread = threads.start(taskName, processor);
        // what the reader's runner catches outside a duty cycle (its onClose closing the source)
        readerAgent = threads.start(reader, readerIdle, t -> failures.failed(partition, reader.epoch(), t));
    }

    PartitionCounters counters() {
        return counters;
    }

    /** Rows published but not yet consumed by the task. */
    long ringDepth() {
        return ring.getCursor() - processor.getSequence().get();
    }

    /**
     * Stops the reader, lets the task drain what was published, then stops the task; frees the
     * slots' memory only if both threads ended. Query thread. A thread that does not end in time is
     * left to finish by itself: its agent or handler still closes what it owns on its own thread.
     */
    void stop(long timeoutMs) throws InterruptedException {
        if (readerAgent == null) {
            writer.abort(); // never started: the query thread still owns the writer and the slots
            BufferUtil.free(memory);
            return;
        }
        boolean readerEnded = readerAgent.stop(timeoutMs);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (processor.isRunning() && processor.getSequence().get() < ring.getCursor() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        processor.halt(); // the task aborts its writer itself as it ends (TaskHandler.onShutdown)
        taskThread.join(timeoutMs);
        if (readerEnded && !taskThread.isAlive()) {
            BufferUtil.free(memory); // only once no thread can touch the slots
        }
    }

    int partition() {
        return partition;
    }
}
