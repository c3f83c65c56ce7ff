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
 * One source partition's pipeline: a reader agent polling the source into slots whose rows live
 * in one off-heap region, and a task running the fused chain into the sink. The task runs either
 * on its own thread, as the event processor of a Disruptor ring the reader fills
 * ({@link RingHandoff}), or on the reader's thread, one slot at a time ({@link DirectHandoff});
 * {@link ContinuousSettings#taskOnReaderThread} decides. Threads come from the query's
 * {@link AgentThreads}. Created, started and stopped by the query thread.
 */
final class PartitionPipeline {
    private final int partition;
    private final ByteBuffer memory;
    /** The ring and its task's event processor; both null when the task runs on the reader's thread. */
    private final RingBuffer<RingSlot> ring;
    private final BatchEventProcessor<RingSlot> processor;
    private final ReaderAgent reader;
    private final PacedIdleStrategy readerIdle;
    private final TaskHandler task;
    private final EpochWriter writer;
    /** One writer per counter (reader or task thread); read by the coordinator thread. */
    private final PartitionCounters counters = new PartitionCounters();
    private final String taskName;
    private final FailureHandler failures;
    /** Query thread: set by {@link #start}, null before. */
    private RunningAgent readerAgent;
    /** Query thread: set by {@link #start}, null before and when the task runs on the reader's thread. */
    private Thread taskThread;

    /** Where a task failure goes. */
    interface FailureHandler {
        void failed(int partition, long epoch, Throwable cause);
    }

    /** @param taskOnReaderThread run the task on the reader's thread instead of its own behind a ring */
    PartitionPipeline(String queryName, int partition, ContinuousPartitionReader source, Operator chainHead, EpochWriter writer,
                      LongSupplier currentEpoch, long startEpoch, ContinuousSettings settings, boolean taskOnReaderThread,
                      TaskHandler.Reporter reporter, FailureHandler failures) {
        this.partition = partition;
        this.writer = writer;
        this.failures = failures;
        this.taskName = "tideway-task-" + queryName + "-" + partition;
        this.task = new TaskHandler(partition, chainHead, writer, reporter, counters, startEpoch);
        int slotBytes = settings.slotBytes();
        SlotHandoff handoff;
        WaitStrategy taskWait = null;
        if (taskOnReaderThread) {
            this.memory = ByteBuffer.allocateDirect(slotBytes);
            RingSlot only = new RingSlot();
            only.rows.wrap(memory, 0, slotBytes);
            this.ring = null;
            this.processor = null;
            handoff = new DirectHandoff(task, only);
        } else {
            this.memory = ByteBuffer.allocateDirect(settings.ringSize() * slotBytes);
            int[] next = {0};
            taskWait = settings.waitStrategy().newTaskWait(settings.spinWindowNanos());
            this.ring = RingBuffer.createSingleProducer(() -> {
                RingSlot s = new RingSlot();
                s.rows.wrap(memory, next[0]++ * slotBytes, slotBytes);
                return s;
            }, settings.ringSize(), taskWait);
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
            handoff = new RingHandoff(ring);
        }
        this.readerIdle = settings.waitStrategy().newReaderIdle(taskWait, settings.spinWindowNanos());
        this.reader = new ReaderAgent("tideway-reader-" + queryName + "-" + partition, source, handoff, currentEpoch,
                startEpoch, readerIdle, settings, counters, (t, epoch) -> failures.failed(partition, epoch, t));
    }

    /** Starts the task (unless it runs on the reader's thread), then the reader, on threads from {@code threads}. Query thread, once. */
    void start(AgentThreads threads) {
        if (processor != null) {
            taskThread = threads.start(taskName, processor);
        }
        // what the reader's runner catches outside a duty cycle (its onClose closing the source)
        readerAgent = threads.start(reader, readerIdle, t -> failures.failed(partition, reader.epoch(), t));
    }

    PartitionCounters counters() {
        return counters;
    }

    /** Rows published but not yet consumed by the task (0 when the task runs on the reader's thread). */
    long ringDepth() {
        return ring == null ? 0 : ring.getCursor() - processor.getSequence().get();
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
        boolean taskEnded = true;
        if (processor != null) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (processor.isRunning() && processor.getSequence().get() < ring.getCursor() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            processor.halt(); // the task aborts its writer itself as it ends (TaskHandler.onShutdown)
            taskThread.join(timeoutMs);
            taskEnded = !taskThread.isAlive();
        }
        if (readerEnded && taskEnded) {
            BufferUtil.free(memory); // only once no thread can touch the slots
        }
    }

    int partition() {
        return partition;
    }
}
