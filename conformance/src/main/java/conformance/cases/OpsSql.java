package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.OpsData.devices;
import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.run;
import static io.tideway.sql.functions.col;

/** SQL on a streaming DataFrame registered as a temporary view. */
public final class OpsSql {
    private OpsSql() {
    }

    /** The guide's {@code df.createOrReplaceTempView("updates"); spark.sql("select count(*) from updates")}. */
    @Case
    public static void guideCountStarOnView(CaseContext ctx) throws Exception {
        devices(ctx).createOrReplaceTempView("updates");
        Dataset<Row> counts = ctx.spark().sql("select count(*) from updates");
        ctx.println(String.join(",", counts.columns()) + " streaming=" + counts.isStreaming());
        run(ctx, counts, "complete");
    }

    @Case
    public static void sqlSelectWhere(CaseContext ctx) throws Exception {
        devices(ctx).createOrReplaceTempView("updates");
        Dataset<Row> df = ctx.spark().sql("SELECT device, signal FROM updates WHERE signal > 10");
        ctx.println(String.join(",", df.columns()) + " streaming=" + df.isStreaming());
        run(ctx, df);
    }

    @Case
    public static void sqlExpressionsAndAliases(CaseContext ctx) throws Exception {
        devices(ctx).createOrReplaceTempView("updates");
        Dataset<Row> df = ctx.spark().sql("SELECT device AS id, signal * 2 doubled, CAST(signal AS INT) AS whole, "
                + "signal IS NULL AS missing, deviceType = 'router' FROM updates WHERE deviceType <> 'camera'");
        fields(ctx, df);
        run(ctx, df);
    }

    @Case
    public static void sqlGroupByHaving(CaseContext ctx) throws Exception {
        devices(ctx).createOrReplaceTempView("updates");
        Dataset<Row> df = ctx.spark().sql("SELECT deviceType, count(*) AS n, max(signal) AS top FROM updates "
                + "WHERE device <> 'd2' GROUP BY deviceType HAVING count(*) > 1");
        fields(ctx, df);
        run(ctx, df, "complete");
    }

    @Case
    public static void sqlGroupByUpdate(CaseContext ctx) throws Exception {
        devices(ctx).createOrReplaceTempView("updates");
        Dataset<Row> df = ctx.spark().sql("SELECT deviceType, avg(signal), sum(signal), min(device) FROM updates GROUP BY deviceType");
        ctx.println(String.join(",", df.columns()));
        run(ctx, df, "update");
    }

    @Case
    public static void sqlCommonPredicates(CaseContext ctx) throws Exception {
        devices(ctx).createOrReplaceTempView("updates");
        Dataset<Row> df = ctx.spark().sql("SELECT device, CASE WHEN signal > 20 THEN 'high' WHEN signal > 5 THEN 'mid' "
                + "ELSE 'low' END AS band, coalesce(signal, 0.0) AS s FROM updates "
                + "WHERE device IN ('d1', 'd3', 'd4') OR deviceType LIKE 'sw%' OR signal BETWEEN 1 AND 4");
        run(ctx, df);
    }

    @Case
    public static void sqlOnViewOfDerivedFrame(CaseContext ctx) throws Exception {
        devices(ctx).where(col("signal").isNotNull()).withColumn("strong", col("signal").gt(10))
                .createOrReplaceTempView("readings");
        Dataset<Row> df = ctx.spark().sql("SELECT strong, count(*) AS n FROM readings GROUP BY strong");
        run(ctx, df, "complete");
    }

    @Case
    public static void sqlReplaceView(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        df.select("device").createOrReplaceTempView("v");
        df.select("deviceType").createOrReplaceTempView("v");
        Dataset<Row> out = ctx.spark().sql("SELECT * FROM v");
        ctx.println(String.join(",", out.columns()));
        run(ctx, out);
    }

    @Case
    public static void tableOfStreamingView(CaseContext ctx) throws Exception {
        devices(ctx).createOrReplaceTempView("updates");
        Dataset<Row> t = ctx.spark().table("updates");
        ctx.println(String.join(",", t.columns()) + " streaming=" + t.isStreaming());
        run(ctx, t.where("signal >= 25").select("device"));
    }

    @Case
    public static void sqlSyntaxError(CaseContext ctx) throws Exception {
        devices(ctx).createOrReplaceTempView("updates");
        error(ctx, "SELEC", () -> ctx.spark().sql("SELEC device FROM updates"));
        error(ctx, "trailing comma", () -> ctx.spark().sql("SELECT device, FROM updates"));
        error(ctx, "unclosed", () -> ctx.spark().sql("SELECT count(device FROM updates"));
    }

    @Case
    public static void sqlUnknownTable(CaseContext ctx) throws Exception {
        error(ctx, "FROM nope", () -> ctx.spark().sql("SELECT * FROM nope"));
        error(ctx, "table", () -> ctx.spark().table("nope"));
    }

    @Case
    public static void sqlUnknownColumn(CaseContext ctx) throws Exception {
        devices(ctx).createOrReplaceTempView("updates");
        error(ctx, "select", () -> ctx.spark().sql("SELECT sgnal FROM updates"));
        error(ctx, "where", () -> ctx.spark().sql("SELECT device FROM updates WHERE kind = 'x'"));
    }

    @Case
    public static void sqlUnknownFunction(CaseContext ctx) throws Exception {
        devices(ctx).createOrReplaceTempView("updates");
        error(ctx, "nope()", () -> ctx.spark().sql("SELECT nope(device) FROM updates"));
    }

    @Case
    public static void sqlNonGroupedColumnRefused(CaseContext ctx) throws Exception {
        devices(ctx).createOrReplaceTempView("updates");
        error(ctx, "select", () -> ctx.spark().sql("SELECT device, count(*) FROM updates GROUP BY deviceType"));
    }
}
