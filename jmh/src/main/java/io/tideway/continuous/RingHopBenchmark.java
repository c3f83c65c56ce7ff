package io.tideway.continuous;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One ring hop round trip as a continuous partition makes it: publish a slot, the task thread
 * sees it (and acknowledges through a volatile), with the task-side wait strategy the engine
 * builds for each {@code tideway.continuous.waitStrategy} ({@link ContinuousWait}). The
 * hand-off cost every slot of rows pays between a reader and its task.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RingHopBenchmark {
    @Param({"busy-spin", "yielding", "backoff", "blocking"})
    public String waitStrategy;

    /** A slot: the payload a reader writes and a task reads. */
    public static final class Slot {
        long value;
    }

    private Disruptor<Slot> disruptor;
    private RingBuffer<Slot> ring;
    private volatile long seen = -1;
    private long next;

    @Setup(Level.Trial)
    public void setup() {
        disruptor = new Disruptor<>(Slot::new, 1024, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE,
                ContinuousWait.named(waitStrategy).newTaskWait(ContinuousWait.AUTO_SPIN_WINDOW));
        disruptor.handleEventsWith((EventHandler<Slot>) (slot, sequence, endOfBatch) -> seen = slot.value);
        ring = disruptor.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        disruptor.halt();
    }

    @Benchmark
    public long publishAndAwaitConsumer() {
        long v = next++;
        long seq = ring.next();
        ring.get(seq).value = v;
        ring.publish(seq);
        while (seen != v) {
            Thread.onSpinWait();
        }
        return v;
    }
}
