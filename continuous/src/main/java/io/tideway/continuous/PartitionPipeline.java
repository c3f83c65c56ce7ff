package io.tideway.continuous;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.spi.ContinuousPartitionReader;
import org.agrona.BufferUtil;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One source partition's pipeline: a reader thread, a Disruptor ring of pre-allocated slots whose
 * rows live in one off-heap region, and a task thread running the fused chain into the sink.
 * Created, started and stopped by the query thread.
 */
final class PartitionPipeline {
    private final int partition;
    private final ByteBuffer memory;
    private final RingBuffer<RingSlot> ring;
    private final ReaderLoop reader;
    private final TaskHandler task;
    private final EpochWriter writer;
    private final BatchEventProcessor<RingSlot> processor;
    private final PartitionCounters counters = new PartitionCounters();
    private final Thread readerThread;
    private final Thread taskThread;

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
        WaitStrategy taskWait = settings.newWaitStrategy();
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
        this.reader = new ReaderLoop(source, ring, currentEpoch, startEpoch, settings.newReaderWait(taskWait), settings, counters,
                (t, epoch) -> failures.failed(partition, epoch, t));
        this.readerThread = new Thread(reader, "tideway-reader-" + queryName + "-" + partition);
        this.taskThread = new Thread(processor, "tideway-task-" + queryName + "-" + partition);
        readerThread.setDaemon(true);
        taskThread.setDaemon(true);
    }

    void start() {
        taskThread.start();
        readerThread.start();
    }

    PartitionCounters counters() {
        return counters;
    }

    /** Rows published but not yet consumed by the task. */
    long ringDepth() {
        return ring.getCursor() - processor.getSequence().get();
    }

    /** Stops the reader, lets the task drain what was published, then stops the task. */
    void stop(long timeoutMs) throws InterruptedException {
        reader.stop();
        readerThread.join(timeoutMs);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (processor.isRunning() && processor.getSequence().get() < ring.getCursor() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        processor.halt();
        taskThread.join(timeoutMs);
        writer.abort();
        if (!readerThread.isAlive() && !taskThread.isAlive()) {
            BufferUtil.free(memory); // only once no thread can touch the slots
        }
    }

    int partition() {
        return partition;
    }
}
