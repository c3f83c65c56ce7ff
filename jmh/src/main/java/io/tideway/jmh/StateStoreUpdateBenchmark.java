package io.tideway.jmh;

import io.tideway.offheap.map.BytesToBytesMap;
import io.tideway.offheap.map.MapRecordDescriptor;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * An aggregation state update: find-or-insert a 16-byte key and increment its count in place, over
 * {@code keys} distinct keys visited in a scrambled order (the state-store hot path).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StateStoreUpdateBenchmark {
    @Param({"1000", "1000000"})
    public int keys;

    private final UnsafeBuffer key = new UnsafeBuffer(ByteBuffer.allocateDirect(16));
    private final UnsafeBuffer zero = new UnsafeBuffer(new byte[8]);
    private BytesToBytesMap map;
    private long i;

    @Setup
    public void setup() {
        map = new BytesToBytesMap();
    }

    @TearDown
    public void tearDown() {
        map.close();
    }

    @Benchmark
    public long increment() {
        long k = (i++ * 0x9E3779B97F4A7C15L) % keys;
        key.putLong(0, k < 0 ? -k : k);
        key.putLong(8, 42L);
        long h = map.findOrInsert(key, 0, 16, zero, 0, 8);
        if (h == MapRecordDescriptor.NO_HANDLE) {
            throw new IllegalStateException();
        }
        UnsafeBuffer page = map.buffer(h);
        int at = map.valueOffset(h);
        long n = page.getLong(at) + 1;
        page.putLong(at, n);
        return n;
    }
}
