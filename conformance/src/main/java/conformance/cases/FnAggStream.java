package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;

import static io.tideway.sql.functions.*;

/**
 * The aggregate functions in micro-batch streaming aggregations: their state carried across
 * batches (Complete and Update modes), restored from a checkpoint after a restart, and the
 * distinct aggregates Spark refuses on streams.
 */
public final class FnAggStream {
    private FnAggStream() {
    }

    private static final String DDL = "k STRING, v INT, x DOUBLE, s STRING";

    private static final String[] FIRST = {
        "{\"k\":\"a\",\"v\":3,\"x\":1.5,\"s\":\"p\"}",
        "{\"k\":\"a\",\"v\":null,\"x\":2.0,\"s\":null}",
        "{\"k\":\"b\",\"v\":5,\"x\":-1.0,\"s\":\"q\"}"};
    private static final String[] SECOND = {
        "{\"k\":\"a\",\"v\":7,\"x\":4.25,\"s\":\"r\"}",
        "{\"k\":\"b\",\"v\":6,\"x\":8.0,\"s\":\"q\"}",
        "{\"k\":\"c\",\"v\":1,\"x\":0.5,\"s\":\"t\"}"};
    private static final String[] THIRD = {
        "{\"k\":\"c\",\"v\":2,\"x\":null,\"s\":\"u\"}",
        "{\"k\":\"a\",\"v\":-1,\"x\":-3.0,\"s\":\"p\"}"};

    private static Column[] aggregates() {
        return new Column[] {first("v"), last("s", true), count_if(col("v").gt(2)), bool_or(col("x").lt(0)),
            stddev("x"), var_pop("v"), skewness("x"), kurtosis("v"), covar_samp("v", "x"), max_by(col("s"), col("x")),
            min_by(col("v"), col("x")), collect_list("s"), sort_array(collect_set(col("v")))};
    }

    private static Dataset<Row> grouped(Dataset<Row> in) {
        Column[] a = aggregates();
        Column[] rest = new Column[a.length - 1];
        System.arraycopy(a, 1, rest, 0, rest.length);
        return in.groupBy("k").agg(a[0], rest);
    }

    @Case
    public static void completeModeAcrossBatches(CaseContext ctx) throws Exception {
        Dataset<Row> out = OpsData.json(ctx, DDL, FIRST, SECOND).groupBy("k")
                .agg(last("v"), every(col("v").gt(0)), std(col("v")), corr("v", "x"), min_by(col("s"), col("v")), collect_list("v"));
        OpsData.fields(ctx, grouped(OpsData.json(ctx, DDL, FIRST)));
        OpsData.run(ctx, out, "complete");
    }

    @Case
    public static void updateModeAcrossBatches(CaseContext ctx) throws Exception {
        OpsData.run(ctx, grouped(OpsData.json(ctx, DDL, FIRST, SECOND, THIRD)), "update");
    }

    @Case
    public static void globalAggregateCompleteMode(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, DDL, FIRST, SECOND, THIRD);
        OpsData.run(ctx, in.select(count_if(col("v").gt(2)).as("c"), stddev_pop("v").as("sd"), collect_list("k").as("ks"),
                max_by(col("k"), col("x")).as("top"), corr("v", "x").as("r")), "complete");
        OpsData.run(ctx, OpsData.json(ctx, DDL, FIRST, SECOND).selectExpr("bool_and(v > 0) AS all_positive",
                "first(s) AS f", "var_samp(x) AS vs"), "complete");
    }

    private static void runOn(CaseContext ctx, Path in, String cp, String mode, String label) throws Exception {
        ctx.println("-- " + label + " --");
        Dataset<Row> df = grouped(ctx.spark().readStream().schema(DDL).option("maxFilesPerTrigger", 1).json(in.toString()));
        StreamingQuery q = df.writeStream().outputMode(mode).foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp).trigger(Trigger.AvailableNow()).start();
        q.awaitTermination();
    }

    @Case
    public static void stateRestoredAfterRestartUpdateMode(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", FIRST);
        ctx.file(in, "2.json", SECOND);
        runOn(ctx, in, cp, "update", "first run");
        ctx.file(in, "3.json", THIRD);
        runOn(ctx, in, cp, "update", "second run");
    }

    @Case
    public static void stateRestoredAfterRestartCompleteMode(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", FIRST);
        runOn(ctx, in, cp, "complete", "first run");
        ctx.file(in, "2.json", SECOND);
        ctx.file(in, "3.json", THIRD);
        runOn(ctx, in, cp, "complete", "second run");
    }

    @Case
    public static void distinctAggregatesRefusedOnStreams(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, DDL, FIRST);
        OpsData.error(ctx, "countDistinct", () -> OpsData.run(ctx, in.groupBy("k").agg(countDistinct("v")), "complete"));
        OpsData.error(ctx, "sum_distinct", () -> OpsData.run(ctx, in.groupBy("k").agg(sum_distinct(col("v"))), "update"));
        OpsData.error(ctx, "count(DISTINCT s)", () -> OpsData.run(ctx, in.selectExpr("count(DISTINCT s)"), "complete"));
    }

    private static Dataset<Row> sketches(Dataset<Row> in) {
        return in.groupBy("k").agg(approx_count_distinct("s"), percentile_approx(col("x"), lit(0.5), lit(10000)),
                median(col("v")), mode(col("s")), percentile(col("v"), lit(0.25)));
    }

    @Case(timeoutSeconds = 120)
    public static void sketchesRestoredAfterRestart(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", FIRST);
        ctx.file(in, "2.json", SECOND);
        for (String label : new String[] {"first run", "second run"}) {
            ctx.println("-- " + label + " --");
            StreamingQuery q = sketches(ctx.spark().readStream().schema(DDL).option("maxFilesPerTrigger", 1).json(in.toString()))
                    .writeStream().outputMode("update").foreachBatch(ctx.<Row>batches())
                    .option("checkpointLocation", cp).trigger(Trigger.AvailableNow()).start();
            q.awaitTermination();
            ctx.file(in, "3.json", THIRD);
        }
    }
}
