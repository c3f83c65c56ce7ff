package io.tideway.continuous;

import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.exec.ChainBuilder;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.sink.ForeachSink;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.tideway.sql.functions.col;

/**
 * The task thread's whole per-row work at saturation (W2): {@link TaskHandler#onEvent} over one
 * ring slot of {@value #ROWS} {@code rate} rows ({@code timestamp, value, intendedNanoTime}) laid
 * out as the reader writes them, through W1's generated chain
 * {@code select(value * 2 as v, intendedNanoTime) → filter(v >= 0)} into a {@code foreach} sink
 * whose writer counts. Time per row; the slot is hot in cache, so the gap to W2's rows/s is what
 * the ring hop (cache misses, the other thread) costs. Allocation per row should be zero.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TaskSlotBenchmark {
    static final int ROWS = 256;
    private static final int SLOT_BYTES = 16384;

    private final RingSlot slot = new RingSlot();
    private TaskHandler task;
    private final PartitionCounters counters = new PartitionCounters();

    @Setup
    public void setup() {
        StructType schema = new StructType().add("timestamp", DataTypes.TimestampType, false)
                .add("value", DataTypes.LongType, false).add("intendedNanoTime", DataTypes.LongType, false);
        LocalRelation source = new LocalRelation(schema, List.<Row>of());
        Dataset<Row> query = Dataset.ofRows(TidewaySession.builder().getOrCreate(), source)
                .select(col("value").multiply(2).as("v"), col("intendedNanoTime"))
                .where(col("v").geq(0));
        ForeachSink<Row> sink = new ForeachSink<>(new EpochMarkerBenchmark.CountingWriter(),
                new RowEncoder(new StructType().add("v", DataTypes.LongType).add("intendedNanoTime", DataTypes.LongType)));
        EpochWriter writer = new EpochWriter(sink, 0, 0);
        Operator chain = ChainBuilder.build(query.logicalPlan(), source, writer, new EvalContext(), true);
        task = new TaskHandler(0, chain, writer, (partition, e, offset, report) -> { }, counters, 0);

        slot.rows.wrap(ByteBuffer.allocateDirect(SLOT_BYTES));
        SlotAppender appender = new SlotAppender(SLOT_BYTES, ROWS);
        appender.target(slot);
        UnsafeBuffer row = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
        RowWriter w = new RowWriter(3);
        for (int i = 0; i < ROWS; i++) {
            w.wrap(row, 0);
            w.putLong(0, 1_700_000_000_000_000L + i);
            w.putLong(1, i);
            w.putLong(2, 123_456_789L + i);
            appender.accept(row, 0, w.finish());
        }
        slot.publishedNanos = System.nanoTime();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long slotOfRows() {
        task.onEvent(slot, 0, true);
        return counters.rows();
    }
}
