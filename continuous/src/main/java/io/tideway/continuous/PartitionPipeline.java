package io.tideway.continuous;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import io.tideway.agent.AgentThreads;
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
 * {@link ContinuousSettings#taskOnReaderThread} decides. The reader runs on a {@link ReaderThread},
 * alone or with other partitions' readers; the task's own thread, if it has one, comes from the
 * query's {@link AgentThreads}. Created, started and stopped by the query thread.
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
    /** Query thread: set by {@link #startTask}, null before and when the task runs on the reader's thread. */
    private Thread taskThread;

    /** Where a task failure goes. */
    interface FailureHandler {
        void failed(int partition, long epoch, Throwable cause);
    }

    /**
     * @param sharedReaderIdle null: the task gets its own thread behind a ring, and the reader its
     *                         own wait (told when the task may spin); else the task runs on the
     *                         reader's thread, and the reader waits with this strategy, which the
     *                         other readers of its {@link ReaderThread} share
     */
    PartitionPipeline(String queryName, int partition, ContinuousPartitionReader source, Operator chainHead, EpochWriter writer,
                      LongSupplier currentEpoch, long startEpoch, ContinuousSettings settings, PacedIdleStrategy sharedReaderIdle,
                      TaskHandler.Reporter reporter, FailureHandler failures) {
        boolean taskOnReaderThread = sharedReaderIdle != null;
        this.partition = partition;
        this.writer = writer;
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
        this.readerIdle = taskOnReaderThread ? sharedReaderIdle
                : settings.waitStrategy().newReaderIdle(taskWait, settings.spinWindowNanos());
        this.reader = new ReaderAgent("tideway-reader-" + queryName + "-" + partition, source, handoff, currentEpoch,
                startEpoch, readerIdle, settings, counters, (t, epoch) -> failures.failed(partition, epoch, t));
    }

    /** Starts the task's own thread, if it has one; before the reader starts. Query thread, once. */
    void startTask(AgentThreads threads) {
        if (processor != null) {
            taskThread = threads.start(taskName, processor);
        }
    }

    ReaderAgent reader() {
        return reader;
    }

    PacedIdleStrategy readerIdle() {
        return readerIdle;
    }

    PartitionCounters counters() {
        return counters;
    }

    /** Rows published but not yet consumed by the task (0 when the task runs on the reader's thread). */
    long ringDepth() {
        return ring == null ? 0 : ring.getCursor() - processor.getSequence().get();
    }

    /**
     * After the reader's thread was stopped: lets the task drain what was published, then stops
     * it; frees the slots' memory only if no thread can touch them any more. Query thread. A thread
     * that does not end in time is left to finish by itself: its agent or handler still closes
     * what it owns on its own thread.
     *
     * @param readerStarted whether the reader's thread ever started (if not, the query thread
     *                      still owns the writer and the slots)
     * @param readerEnded   whether the reader's thread has ended
     */
    void stop(long timeoutMs, boolean readerStarted, boolean readerEnded) throws InterruptedException {
        if (!readerStarted) {
            reader.onClose(); // it never ran, so this thread owns it: closes the source (and a task run on its thread)
            if (taskThread == null) {
                if (processor != null) {
                    writer.abort(); // the task's own thread never started either
                }
                BufferUtil.free(memory);
                return;
            }
        }
        boolean taskEnded = true;
        if (taskThread != null) {
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
