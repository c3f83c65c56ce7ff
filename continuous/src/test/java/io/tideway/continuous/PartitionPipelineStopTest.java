package io.tideway.continuous;

import io.tideway.agent.AgentThreads;
import io.tideway.engine.spi.CommitMessage;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A partition pipeline on threads from a user's factory: its threads carry the engine's names,
 * and stopping it leaves each thread to release what it owns — the task aborts its open writer
 * on the task thread and the reader closes its source on the reader thread, never the query
 * thread.
 */
class PartitionPipelineStopTest {
    private static final ContinuousSettings SETTINGS = new ContinuousSettings(ContinuousWait.BLOCKING, 8, 256, 4, 0,
            ContinuousSettings.AUTO, ContinuousSettings.AUTO);

    @Test
    void stopLeavesTheWriterToTheTaskThreadAndTheSourceToTheReaderThread() throws Exception {
        Stopped stopped = startAndStop(false);
        assertEquals(2, stopped.threadsMade, "the reader's and the task's threads came from the factory");
        assertEquals(List.of("tideway-task-stopping-0"), stopped.aborts, "the open epoch's writer aborted once, by the task thread");
        assertEquals(List.of("tideway-reader-stopping-0"), stopped.closes, "the source closed once, by the reader thread");
        assertEquals(List.of(), stopped.failures);
    }

    @Test
    void aTaskOnTheReaderThreadAbortsItsWriterThereAsTheReaderStops() throws Exception {
        Stopped stopped = startAndStop(true);
        assertEquals(1, stopped.threadsMade, "one thread, from the factory, reads and runs the task");
        assertEquals(List.of("tideway-reader-stopping-0"), stopped.aborts, "the open epoch's writer aborted once, by the reader thread");
        assertEquals(List.of("tideway-reader-stopping-0"), stopped.closes, "the source closed once, by the reader thread");
        assertEquals(List.of(), stopped.failures);
    }

    private record Stopped(int threadsMade, List<String> aborts, List<String> closes, List<Throwable> failures) {
    }

    private static Stopped startAndStop(boolean taskOnReaderThread) throws Exception {
        List<String> aborts = new CopyOnWriteArrayList<>();
        StreamSink sink = new StreamSink() {
            @Override
            public String description() {
                return "recording";
            }

            @Override
            public PartitionWriter createWriter(int partition, long batchId) {
                return new PartitionWriter() {
                    @Override
                    public void accept(DirectBuffer buffer, int offset, int length) {
                    }

                    @Override
                    public CommitMessage commit() {
                        return null;
                    }

                    @Override
                    public void abort() {
                        aborts.add(Thread.currentThread().getName());
                    }
                };
            }

            @Override
            public void commit(long batchId, List<CommitMessage> messages) {
            }
        };
        List<String> closes = new CopyOnWriteArrayList<>();
        ReaderAgentDutyCycleTest.QueueReader source = new ReaderAgentDutyCycleTest.QueueReader() {
            @Override
            public void close() {
                closes.add(Thread.currentThread().getName());
            }
        };
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicInteger made = new AtomicInteger();
        AgentThreads threads = new AgentThreads(r -> {
            made.incrementAndGet();
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        EpochWriter writer = new EpochWriter(sink, 0, 0);
        PacedIdleStrategy shared = taskOnReaderThread ? SETTINGS.waitStrategy().newReaderIdle(null, 0) : null;
        PartitionPipeline pipeline = new PartitionPipeline("stopping", 0, source, writer, writer, () -> 0L, 0, SETTINGS,
                shared, (partition, epoch, offset, report) -> { }, (partition, epoch, cause) -> failures.add(cause));
        ReaderThread reader = new ReaderThread(List.of(pipeline));
        pipeline.startTask(threads);
        reader.start(threads, (partition, epoch, cause) -> failures.add(cause));
        pipeline.stop(10_000, true, reader.stop(10_000));
        return new Stopped(made.get(), aborts, closes, failures);
    }
}
