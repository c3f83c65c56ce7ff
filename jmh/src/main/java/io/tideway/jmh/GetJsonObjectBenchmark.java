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
 * One {@code get_json_object(j, path)} per row over a Kafka-style event of about 200 bytes, in
 * generated code as a continuous task runs it: a top-level field, a field behind an array index,
 * a whole nested object, and a wildcard over an array. {@code -prof gc} gives the bytes per row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GetJsonObjectBenchmark {
    private static final String EVENT = "{\"device\":\"d-7\",\"site\":{\"id\":12,\"name\":\"north\"},"
            + "\"readings\":[{\"t\":1,\"v\":21.5},{\"t\":2,\"v\":21.75},{\"t\":3,\"v\":22.0}],"
            + "\"tags\":[\"a\",\"b\"],\"ok\":true,\"note\":null,\"last\":\"tail\"}";

    @Param({"$.device", "$.readings[2].v", "$.site", "$.readings[*].v", "$.last"})
    public String path;

    private final UnsafeBuffer row = new UnsafeBuffer(ByteBuffer.allocateDirect(512));
    private int length;
    private Operator chain;
    private long delivered;

    @Setup
    public void setup() {
        StructType schema = new StructType().add("j", DataTypes.StringType, false);
        LocalRelation source = new LocalRelation(schema, List.<Row>of());
        Dataset<Row> query = Dataset.ofRows(TidewaySession.builder().getOrCreate(), source)
                .selectExpr("get_json_object(j, '" + path + "')");
        LogicalPlan plan = query.logicalPlan();
        Operator sink = new Operator() {
            @Override
            public void accept(DirectBuffer buffer, int offset, int len) {
                delivered += len;
            }
        };
        chain = ChainBuilder.build(plan, source, sink, new EvalContext(), true);
        RowWriter w = new RowWriter(1).wrap(row, 0);
        w.putBytes(0, EVENT.getBytes(StandardCharsets.UTF_8));
        length = w.finish();
    }

    @Benchmark
    public long getJsonObjectPerRow() {
        chain.accept(row, 0, length);
        return delivered;
    }
}
