package io.tideway.jmh;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/** Writing and reading one row (timestamp, long, string) through the flyweights, in place, off-heap. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RowCodecBenchmark {
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer word = new UnsafeBuffer("telemetry".getBytes());
    private final RowWriter writer = new RowWriter(3);
    private final RowReader reader = new RowReader(3);
    private int length;
    private long counter;

    @Setup
    public void setup() {
        length = write();
    }

    @Benchmark
    public int writeRow() {
        return write();
    }

    private int write() {
        writer.wrap(buffer, 0);
        writer.putLong(0, counter);
        writer.putLong(1, counter++ * 2);
        writer.putBytes(2, word, 0, word.capacity());
        return writer.finish();
    }

    @Benchmark
    public long readRow() {
        reader.wrap(buffer, 0, length);
        return reader.getLong(0) + reader.getLong(1) + reader.varLength(2) + (reader.isNullAt(2) ? 1 : 0);
    }
}
