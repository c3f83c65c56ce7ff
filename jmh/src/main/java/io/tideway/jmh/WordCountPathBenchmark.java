package io.tideway.jmh;

import io.tideway.engine.exec.ChainBuilder;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.exec.PartialAggregator;
import io.tideway.engine.exec.PlanShape;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.offheap.row.RowArena;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructType;
import org.agrona.collections.IntArrayList;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.explode;
import static io.tideway.sql.functions.split;

/**
 * W3's map side for one line of ten words, as a micro-batch task runs it:
 * {@code explode(split(value, " "))} (the words read where they lie in the line) into the
 * partial {@code groupBy(word).count()} over 1,000 distinct words (hash, probe, update), through
 * the {@link PartialAggregator} the micro-batch executor's map side uses.
 * Lines are drawn as the peers' W3 generator draws them; divide by 10 for a word.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WordCountPathBenchmark {
    private static final int LINES = 4096;
    private final RowArena lines = new RowArena();
    private final IntArrayList offsets = new IntArrayList();
    private final IntArrayList lengths = new IntArrayList();
    private TidewaySession spark;
    private PartialAggregator partials;
    private long handedOver;
    private Operator entry;
    private int next;

    @Setup
    public void setup() {
        spark = TidewaySession.builder().master("local[1]").getOrCreate();
        StructType schema = new StructType().add("value", "string");
        LogicalPlan plan = spark.createDataFrame(List.<Row>of(), schema)
                .select(explode(split(col("value"), " ")).as("word")).groupBy("word").count().logicalPlan();
        EvalContext ctx = new EvalContext();
        Aggregate agg = PlanShape.topAggregate(plan);
        partials = PartialAggregator.create(agg, ctx, (h, b, o, l) -> handedOver++);
        LogicalPlan leaf = PlanShape.leaves(plan).get(0);
        entry = ChainBuilder.build(agg.child(), leaf, partials, ctx);
        Random random = new Random(42);
        String[] words = new String[1000];
        for (int i = 0; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = 3 + random.nextInt(8); k > 0; k--) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            words[i] = w.append(i).toString();
        }
        RowWriter writer = new RowWriter(1);
        for (int n = 0; n < LINES; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < 10; k++) {
                line.append(k == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            lines.beginRow(writer).putString(0, line.toString());
            lines.endRow(writer);
        }
        lines.forEach((b, o, l) -> {
            offsets.addInt(o);
            lengths.addInt(l);
        });
    }

    @TearDown
    public void tearDown() {
        partials.finish();
        spark.stop();
    }

    @Benchmark
    public long line() {
        int i = next++ & (LINES - 1);
        entry.accept(lines.buffer(), offsets.getInt(i), lengths.getInt(i));
        return handedOver;
    }
}
