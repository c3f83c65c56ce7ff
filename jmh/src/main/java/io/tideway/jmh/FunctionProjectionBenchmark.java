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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A ten-function projection per row, as a continuous task runs it: string ({@code upper},
 * {@code concat_ws}, {@code substring}), JSON ({@code get_json_object}), date and time
 * ({@code year}, {@code hour}, {@code unix_micros}, {@code date_format}) and conditional
 * ({@code CASE}, {@code coalesce}) functions over one binary row — generated ({@code codegen=true}: the whole projection inlined in
 * one class) against interpreted ({@code false}: a tree of evaluators, each compiled from the same
 * function code). {@code -prof gc} gives the bytes per row; {@code date_format} formats through
 * {@code java.time} and {@code get_json_object} opens Jackson's streaming parser per row (no tree),
 * so both allocate; the others need not.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FunctionProjectionBenchmark {
    @Param({"true", "false"})
    public boolean codegen;

    /** The ten functions, or the nine without {@code date_format} (which formats through java.time). */
    @Param({"all", "withoutDateFormat"})
    public String functions;

    private final UnsafeBuffer row = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private int length;
    private Operator chain;
    private long delivered;

    @Setup
    public void setup() {
        StructType schema = new StructType().add("ts", DataTypes.TimestampType, false).add("value", DataTypes.LongType, false)
                .add("s", DataTypes.StringType, false).add("d", DataTypes.DoubleType, true)
                .add("j", DataTypes.StringType, false);
        LocalRelation source = new LocalRelation(schema, List.<Row>of());
        String dateFormat = functions.equals("all") ? "date_format(ts, 'yyyy-MM-dd')" : "dayofyear(ts)";
        Dataset<Row> query = Dataset.ofRows(TidewaySession.builder().getOrCreate(), source).selectExpr(
                "upper(s)", "concat_ws('-', s, 'x')", "substring(s, 2, 3)", "get_json_object(j, '$.device')",
                "year(ts)", "hour(ts)", "unix_micros(ts)", dateFormat,
                "CASE WHEN value > 10 THEN 'big' ELSE 'small' END", "coalesce(d, 0.0)");
        LogicalPlan plan = query.logicalPlan();
        Operator sink = new Operator() {
            @Override
            public void accept(DirectBuffer buffer, int offset, int len) {
                delivered += len;
            }
        };
        chain = ChainBuilder.build(plan, source, sink, new EvalContext(), codegen);
        RowWriter w = new RowWriter(5).wrap(row, 0);
        w.putLong(0, 1_700_000_000_000_000L);
        w.putLong(1, 42L);
        w.putBytes(2, "tideway streams".getBytes(StandardCharsets.UTF_8));
        w.setNull(3);
        w.putBytes(4, "{\"device\":\"d-7\",\"temp\":21.5}".getBytes(StandardCharsets.UTF_8));
        length = w.finish();
    }

    @Benchmark
    public long projectTenFunctionsPerRow() {
        chain.accept(row, 0, length);
        return delivered;
    }
}
