package io.tideway.jmh;

import io.tideway.engine.exec.ChainBuilder;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;
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
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.tideway.sql.functions.col;

/**
 * The fused operator chain per row, as continuous tasks run it: W1's query
 * {@code select(value * 2 as v, timestamp) → where(v >= 0)} over one binary row, into a sink that
 * only counts — generated ({@code codegen=true}, {@code io.tideway.engine.codegen}) and
 * interpreted ({@code false}). Allocation per op should be zero ({@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FusedChainBenchmark {
    @Param({"true", "false"})
    public boolean codegen;

    private final UnsafeBuffer row = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
    private int length;
    private Operator chain;
    private long delivered;

    @Setup
    public void setup() {
        StructType schema = new StructType().add("timestamp", DataTypes.TimestampType, false).add("value", DataTypes.LongType, false);
        LocalRelation source = new LocalRelation(schema, List.<Row>of());
        Dataset<Row> query = Dataset.ofRows(TidewaySession.builder().getOrCreate(), source)
                .select(col("value").multiply(2).as("v"), col("timestamp"))
                .where(col("v").geq(0));
        LogicalPlan plan = query.logicalPlan();
        Operator sink = new Operator() {
            @Override
            public void accept(DirectBuffer buffer, int offset, int len) {
                delivered += buffer.getLong(offset + 8 + 8 * 0);
            }
        };
        chain = ChainBuilder.build(plan, source, sink, new EvalContext(), codegen);
        RowWriter w = new RowWriter(2).wrap(row, 0);
        w.putLong(0, 1_700_000_000_000_000L);
        w.putLong(1, 42L);
        length = w.finish();
    }

    @Benchmark
    public long projectFilterPerRow() {
        chain.accept(row, 0, length);
        return delivered;
    }
}
