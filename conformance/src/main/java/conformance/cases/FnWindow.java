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
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.table;
import static io.tideway.sql.functions.*;

/**
 * Window functions ({@code Window}, {@code Column.over}, ranking, offsets, aggregates over frames)
 * on static Datasets and inside {@code foreachBatch}, SQL {@code OVER}, and their errors: the
 * column names and schema Spark gives them, then the rows (sorted, unless the case shows order).
 */
public final class FnWindow {
    private FnWindow() {
    }

    /** Two groups with ties and nulls in {@code v}, a null key, and a distinct {@code s} per row. */
    private static Dataset<Row> data(CaseContext ctx) {
        StructType schema = new StructType().add("k", DataTypes.StringType).add("v", DataTypes.IntegerType)
                .add("s", DataTypes.StringType);
        return table(ctx, schema,
                new Object[] {"a", 1, "r1"}, new Object[] {"a", 2, "r2"}, new Object[] {"a", 2, "r3"},
                new Object[] {"a", null, "r4"}, new Object[] {"a", 5, "r5"}, new Object[] {"b", 3, "r6"},
                new Object[] {"b", 3, "r7"}, new Object[] {"b", null, "r8"}, new Object[] {"b", 7, "r9"},
                new Object[] {null, 4, "r10"});
    }

    private static void print(CaseContext ctx, Dataset<Row> df) {
        OpsData.fields(ctx, df);
        ctx.show(df);
    }

    @Case
    public static void ranking(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("k").orderBy("v");
        print(ctx, data(ctx).select(col("k"), col("v"), rank().over(w), dense_rank().over(w), percent_rank().over(w),
                cume_dist().over(w), ntile(2).over(w)));
    }

    @Case
    public static void rowNumberUniqueOrder(CaseContext ctx) {
        WindowSpec w = Window.partitionBy(col("k")).orderBy(col("v").desc(), col("s"));
        print(ctx, data(ctx).select(col("s"), row_number().over(w).as("rn"), ntile(3).over(w)));
    }

    @Case
    public static void rankingWithoutPartition(CaseContext ctx) {
        WindowSpec w = Window.orderBy(col("v").desc_nulls_last());
        print(ctx, data(ctx).select(col("s"), col("v"), rank().over(w), dense_rank().over(w), cume_dist().over(w),
                percent_rank().over(w)));
    }

    @Case
    public static void lagLead(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("k").orderBy("s");
        print(ctx, data(ctx).select(col("s"), lag("v", 1).over(w), lag(col("v"), 2).over(w), lag("v", 1, -1).over(w),
                lead("v", 1).over(w), lead(col("v"), 2, 0).over(w), lead(col("s"), 1, "none").over(w)));
    }

    @Case
    public static void lagLeadIgnoreNulls(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("k").orderBy("s");
        print(ctx, data(ctx).select(col("s"), lag(col("v"), 1, null, true).over(w), lead(col("v"), 1, null, true).over(w),
                lag(col("v"), 2, 99, true).over(w), lag(col("v"), 0).over(w)));
    }

    @Case
    public static void nthValue(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("k").orderBy("s");
        print(ctx, data(ctx).select(col("s"), nth_value(col("v"), 2).over(w), nth_value(col("v"), 4, true).over(w),
                nth_value(col("s"), 2).over(w.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing()))));
    }

    @Case
    public static void runningSumRangeVersusRows(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("k").orderBy("v");
        WindowSpec unique = Window.partitionBy("k").orderBy("v", "s");
        print(ctx, data(ctx).select(col("s"), col("v"), sum("v").over(w), count("v").over(w),
                sum("v").over(unique.rowsBetween(Window.unboundedPreceding(), Window.currentRow())),
                sum("v").over(w.rangeBetween(Window.unboundedPreceding(), Window.currentRow()))));
    }

    @Case
    public static void slidingFrames(CaseContext ctx) {
        WindowSpec unique = Window.partitionBy("k").orderBy("v", "s");
        WindowSpec w = Window.partitionBy("k").orderBy("v");
        print(ctx, data(ctx).select(col("s"), sum("v").over(unique.rowsBetween(-1, 1)),
                avg("v").over(unique.rowsBetween(0, 2)), max("v").over(w.rangeBetween(-1, 1)),
                count(lit(1)).over(w.rangeBetween(Window.currentRow(), Window.unboundedFollowing())),
                min("s").over(unique.rowsBetween(1, Window.unboundedFollowing()))));
    }

    @Case
    public static void wholePartitionAggregates(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("k");
        print(ctx, data(ctx).select(col("s"), sum("v").over(w), avg("v").over(w), count("*").over(w), min("v").over(w),
                max("s").over(w), collect_list("s").over(w).isNotNull()));
    }

    @Case
    public static void firstLastCollect(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("k").orderBy("s");
        WindowSpec all = w.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
        print(ctx, data(ctx).select(col("s"), first("v").over(w), last("v").over(w), last(col("v"), true).over(w),
                first(col("v"), true).over(all), collect_list("v").over(w), sort_array(collect_set("v").over(all))));
    }

    @Case
    public static void overEmptySpec(CaseContext ctx) {
        print(ctx, data(ctx).select(col("s"), sum("v").over(), count("*").over(Window.partitionBy())));
    }

    @Case
    public static void windowOverExpressions(CaseContext ctx) {
        WindowSpec w = Window.partitionBy(upper(col("k"))).orderBy(col("v").plus(1).desc());
        print(ctx, data(ctx).select(col("s"), sum(col("v").multiply(2)).over(w).plus(1).as("x"),
                rank().over(w)));
    }

    @Case
    public static void columnNames(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("k").orderBy("v");
        Column[] cs = {row_number().over(w), lag("v", 1).over(w), lead(col("v"), 2, 0).over(w), sum("v").over(w),
            sum("v").over(w.rowsBetween(-1, 1)), sum("v").over(w.rangeBetween(-2, Window.unboundedFollowing())),
            sum("v").over(Window.partitionBy("k")), ntile(3).over(w), nth_value(col("v"), 2, true).over(w),
            first(col("v"), true).over(w), count("*").over(w)};
        for (Column c : cs) {
            ctx.println(c.toString());
            OpsData.fields(ctx, data(ctx).select(c));
        }
    }

    @Case
    public static void showKeepsSparkOrder(CaseContext ctx) {
        ctx.keepConsoleOrder();
        WindowSpec w = Window.partitionBy("k").orderBy("v", "s");
        data(ctx).withColumn("rn", row_number().over(w)).show();
        data(ctx).withColumn("total", sum("v").over(Window.orderBy(col("s").desc()))).show();
    }

    @Case
    public static void sqlOver(CaseContext ctx) {
        Dataset<Row> df = data(ctx);
        print(ctx, df.selectExpr("s", "row_number() OVER (PARTITION BY k ORDER BY v, s)",
                "sum(v) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
                "sum(v) OVER (PARTITION BY k ORDER BY v RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING)",
                "lag(v, 1, 0) OVER (PARTITION BY k ORDER BY s)", "count(*) OVER ()",
                "max(v) OVER (PARTITION BY k) - v AS gap"));
    }

    @Case
    public static void sqlText(CaseContext ctx) {
        data(ctx).createOrReplaceTempView("t");
        print(ctx, ctx.spark().sql("SELECT s, rank() OVER (PARTITION BY k ORDER BY v DESC) AS r, "
                + "dense_rank() OVER w AS d, avg(v) OVER w AS a FROM t WINDOW w AS (PARTITION BY k ORDER BY v)"));
        print(ctx, ctx.spark().sql("SELECT s, k, row_number() OVER (PARTITION BY k ORDER BY s DESC) AS rn, "
                + "lead(s) OVER (PARTITION BY k ORDER BY s) AS next, sum(v) OVER (ORDER BY s ROWS 1 PRECEDING) AS two FROM t"));
    }

    @Case
    public static void latestPerKeyInForeachBatch(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "key STRING, ts BIGINT, value STRING",
                new String[] {"{\"key\":\"a\",\"ts\":1,\"value\":\"a1\"}", "{\"key\":\"b\",\"ts\":5,\"value\":\"b5\"}",
                    "{\"key\":\"a\",\"ts\":3,\"value\":\"a3\"}", "{\"key\":\"a\",\"ts\":2,\"value\":\"a2\"}"},
                new String[] {"{\"key\":\"b\",\"ts\":4,\"value\":\"b4\"}", "{\"key\":\"c\",\"ts\":9,\"value\":\"c9\"}",
                    "{\"key\":\"c\",\"ts\":8,\"value\":\"c8\"}"});
        StreamingQuery q = in.writeStream().trigger(Trigger.AvailableNow()).foreachBatch((Dataset<Row> df, Long id) -> {
            Dataset<Row> latest = df.withColumn("rn", row_number().over(Window.partitionBy("key").orderBy(col("ts").desc())))
                    .where("rn = 1").drop("rn");
            ctx.println("batch " + id + ":");
            ctx.show(latest);
        }).start();
        q.awaitTermination();
    }

    @Case
    public static void streamingRefused(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "key STRING, ts BIGINT", new String[] {"{\"key\":\"a\",\"ts\":1}"});
        Dataset<Row> ranked = in.withColumn("rn", row_number().over(Window.partitionBy("key").orderBy("ts")));
        OpsData.error(ctx, "start", () -> ranked.writeStream().format("console").start().processAllAvailable());
        Dataset<Row> tiles = in.select(col("key"), ntile(2).over(Window.partitionBy("key").orderBy("ts")));
        OpsData.error(ctx, "start", () -> tiles.writeStream().format("console").start().processAllAvailable());
    }

    @Case
    public static void misuseErrors(CaseContext ctx) {
        Dataset<Row> df = data(ctx);
        WindowSpec w = Window.partitionBy("k").orderBy("v");
        OpsData.error(ctx, "row_number without over", () -> df.select(row_number()).collectAsList());
        OpsData.error(ctx, "rank without order", () -> df.select(rank().over(Window.partitionBy("k"))).collectAsList());
        OpsData.error(ctx, "row_number with a frame",
                () -> df.select(row_number().over(w.rowsBetween(-1, 1))).collectAsList());
        OpsData.error(ctx, "ntile(0)", () -> df.select(ntile(0).over(w)).collectAsList());
        OpsData.error(ctx, "distinct over", () -> df.select(countDistinct(col("v")).over(w)).collectAsList());
        OpsData.error(ctx, "range frame over a string",
                () -> df.select(sum("v").over(Window.orderBy("s").rangeBetween(-1, 1))).collectAsList());
        OpsData.error(ctx, "non-aggregate over", () -> df.select(upper(col("s")).over(w)).collectAsList());
        OpsData.error(ctx, "sql row_number without over", () -> df.selectExpr("row_number()").collectAsList());
        OpsData.error(ctx, "window in where", () -> df.where(row_number().over(w).equalTo(1)).collectAsList());
        OpsData.error(ctx, "window in aggregate", () -> df.select(sum(row_number().over(w))).collectAsList());
    }
}
