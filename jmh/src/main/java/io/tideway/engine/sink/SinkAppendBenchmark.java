package io.tideway.engine.sink;

import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.spi.PartitionWriter;
import io.tideway.engine.spi.StreamSink;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.OutputMode;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * A sink partition writer's append per row, as the task thread calls it: {@code foreach} (a
 * {@code ForeachWriter<Row>} that reads a column of the reused row view: 0 B/row), {@code memory}
 * and {@code console} (which keep rows as Java objects until the commit, so they allocate per
 * row). Each invocation appends {@value #ROWS} rows to one writer and commits it (the cost per
 * row includes 1/{@value #ROWS} of a writer's life); the console sink prints nowhere. In the
 * sink package to build the sinks without a session.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SinkAppendBenchmark {
    static final int ROWS = 65_536;

    @Param({"foreach", "memory", "console"})
    public String sink;

    private final UnsafeBuffer row = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
    private int length;
    private StreamSink target;
    private long batch;

    /** Sums a column, so the row view is really read. */
    public static final class SummingWriter extends ForeachWriter<Row> {
        private static final long serialVersionUID = 1L;
        public static long sum;

        @Override
        public boolean open(long partitionId, long epochId) {
            return true;
        }

        @Override
        public void process(Row value) {
            sum += value.getLong(1);
        }

        @Override
        public void close(Throwable errorOrNull) {
        }
    }

    @Setup
    public void setup() {
        StructType schema = new StructType().add("timestamp", DataTypes.TimestampType, false).add("v", DataTypes.LongType, false);
        target = switch (sink) {
            case "foreach" -> new ForeachSink<>(new SummingWriter(), new RowEncoder(schema));
            case "memory" -> new MemorySinkProvider.MemorySink(schema, OutputMode.Append());
            case "console" -> new ConsoleSinkProvider.ConsoleSink(schema, new io.tideway.engine.spi.Options(java.util.Map.of()),
                    new PrintStream(OutputStream.nullOutputStream()));
            default -> throw new IllegalArgumentException(sink);
        };
        RowWriter w = new RowWriter(2).wrap(row, 0);
        w.putLong(0, 1_700_000_000_000_000L);
        w.putLong(1, 42L);
        length = w.finish();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object appendRows() {
        PartitionWriter writer = target.createWriter(0, batch++);
        for (int i = 0; i < ROWS; i++) {
            writer.accept(row, 0, length);
        }
        return writer.commit();
    }
}
