package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.expressions.Window;
import io.tideway.sql.expressions.WindowSpec;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;

import static conformance.cases.FnSupport.table;
import static io.tideway.sql.functions.*;

/**
 * The aggregate functions added for issue #14 in micro-batch streaming aggregations (their state
 * carried across batches in Complete and Update modes, and restored from a checkpoint after a
 * restart) and as window functions over {@code OVER} frames.
 */
public final class FnAggMoreStream {
    private FnAggMoreStream() {
    }

    private static final String DDL = "k STRING, v INT, x DOUBLE, l BIGINT";

    private static final String[] FIRST = {
        "{\"k\":\"a\",\"v\":3,\"x\":1.5,\"l\":12}",
        "{\"k\":\"a\",\"v\":null,\"x\":2.0,\"l\":5}",
        "{\"k\":\"b\",\"v\":5,\"x\":-1.0,\"l\":9223372036854775807}"};
    private static final String[] SECOND = {
        "{\"k\":\"a\",\"v\":7,\"x\":4.25,\"l\":6}",
        "{\"k\":\"b\",\"v\":6,\"x\":8.0,\"l\":3}",
        "{\"k\":\"c\",\"v\":1,\"x\":0.5,\"l\":255}"};
    private static final String[] THIRD = {
        "{\"k\":\"c\",\"v\":2,\"x\":null,\"l\":-1}",
        "{\"k\":\"a\",\"v\":-1,\"x\":-3.0,\"l\":7}"};

    @Case(timeoutSeconds = 120)
    public static void completeModeAcrossBatches(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, DDL, FIRST, SECOND, THIRD);
        Dataset<Row> out = in.groupBy("k").agg(bit_and(col("v")), bit_or(col("l")), bit_xor(col("v")),
                regr_slope(col("x"), col("v")), regr_count(col("x"), col("v")), regr_avgx(col("x"), col("v")),
                regr_r2(col("x"), col("v")), regr_sxy(col("x"), col("v")), try_sum(col("l")), try_avg(col("l")),
                product(col("v")), histogram_numeric(col("v"), lit(2)), bitmap_count(bitmap_construct_agg(col("v"))));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out, "complete");
    }

    @Case(timeoutSeconds = 120)
    public static void globalAggregateCompleteMode(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, DDL, FIRST, SECOND, THIRD);
        OpsData.run(ctx, in.selectExpr("bit_xor(l) AS bx", "regr_intercept(x, v) AS ri", "regr_syy(x, v) AS syy",
                "try_sum(v) AS ts", "bitmap_count(bitmap_construct_agg(bitmap_bit_position(l))) AS bc"),
                "complete");
    }

    @Case
    public static void listaggOnStreams(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, DDL, FIRST, SECOND);
        OpsData.run(ctx, in.groupBy("k").agg(listagg(col("v").cast("string"), lit(",")).as("vs"), string_agg(col("k")).as("ks")),
                "complete");
        OpsData.error(ctx, "listagg_distinct", () -> OpsData.run(ctx, in.groupBy("k").agg(listagg_distinct(col("k"))), "complete"));
        in.createOrReplaceTempView("events");
        OpsData.error(ctx, "string_agg(DISTINCT k)", () -> OpsData.run(ctx,
                ctx.spark().sql("SELECT string_agg(DISTINCT k) FROM events"), "complete"));
    }

    private static Dataset<Row> restartable(Dataset<Row> in) {
        return in.groupBy("k").agg(bit_xor(col("l")), regr_intercept(col("x"), col("v")), regr_avgy(col("x"), col("v")),
                try_avg(col("v")), product(col("x")), histogram_numeric(col("x"), lit(2)),
                bitmap_count(bitmap_construct_agg(bitmap_bit_position(col("l")))));
    }

    @Case(timeoutSeconds = 120)
    public static void stateRestoredAfterRestart(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", FIRST);
        ctx.file(in, "2.json", SECOND);
        for (String label : new String[] {"first run", "second run"}) {
            ctx.println("-- " + label + " --");
            StreamingQuery q = restartable(ctx.spark().readStream().schema(DDL).option("maxFilesPerTrigger", 1)
                    .json(in.toString())).writeStream().outputMode("update").foreachBatch(ctx.<Row>batches())
                    .option("checkpointLocation", cp).trigger(Trigger.AvailableNow()).start();
            q.awaitTermination();
            ctx.file(in, "3.json", THIRD);
        }
    }

    private static void windowed(CaseContext ctx, Dataset<Row> df, Column... cols) {
        for (Column c : cols) {
            try {
                Dataset<Row> r = df.select(col("k"), col("v"), col("x"), c);
                OpsData.fields(ctx, r.select(c.isNull()).limit(0));
                ctx.println(r.schema().fields()[3].name());
                ctx.rows(r.orderBy("k", "v", "x").collectAsList());
            } catch (Exception e) {
                ctx.println(OpsData.describe(e));
            }
        }
    }

    @Case
    public static void asWindowFunctions(CaseContext ctx) {
        Dataset<Row> df = table(ctx, new io.tideway.sql.types.StructType().add("k", "string").add("v", "int")
                        .add("x", "double"),
                new Object[] {"a", 1, 2.0}, new Object[] {"a", 2, 3.5}, new Object[] {"a", 4, null},
                new Object[] {"b", 3, 1.0}, new Object[] {"b", 5, -2.0});
        WindowSpec byK = Window.partitionBy("k");
        WindowSpec running = Window.partitionBy("k").orderBy("v");
        windowed(ctx, df, bit_or(col("v")).over(byK), bit_xor(col("v")).over(running), product(col("x")).over(running),
                regr_slope(col("x"), col("v")).over(byK), regr_count(col("x"), col("v")).over(running),
                try_sum(col("v")).over(running), try_avg(col("x")).over(byK),
                bitmap_count(bitmap_construct_agg(col("v")).over(byK)), histogram_numeric(col("v"), lit(2)).over(byK),
                listagg(col("k")).over(running));
        df.createOrReplaceTempView("w");
        OpsData.error(ctx, "sql", () -> ctx.rows(ctx.spark().sql("SELECT k, v, bit_and(v) OVER (PARTITION BY k), "
                + "regr_sxx(x, v) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), "
                + "try_avg(v) OVER (ORDER BY v) FROM w ORDER BY k, v").collectAsList()));
    }
}
