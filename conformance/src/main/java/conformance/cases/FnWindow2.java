package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.expressions.Window;
import io.tideway.sql.expressions.WindowSpec;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.math.BigDecimal;

import static conformance.cases.FnSupport.table;
import static io.tideway.sql.functions.*;

/**
 * More window functions: RANGE frames over doubles, decimals and descending keys, several window
 * specifications in one projection, windows over an aggregation's result and after a join-free
 * chain of operations, and the order Spark shows rows in when several partitions hash apart.
 */
public final class FnWindow2 {
    private FnWindow2() {
    }

    /** Scores per player and game: a double, a decimal and a date, with ties and nulls. */
    private static Dataset<Row> scores(CaseContext ctx) {
        StructType schema = new StructType().add("player", DataTypes.StringType).add("game", DataTypes.IntegerType)
                .add("score", DataTypes.DoubleType).add("bonus", DataTypes.createDecimalType(5, 2))
                .add("team", DataTypes.StringType);
        return table(ctx, schema,
                new Object[] {"ann", 1, 10.5, new BigDecimal("1.50"), "red"},
                new Object[] {"ann", 2, 12.0, new BigDecimal("0.25"), "red"},
                new Object[] {"ann", 3, 12.0, null, "red"},
                new Object[] {"ann", 4, null, new BigDecimal("2.00"), "red"},
                new Object[] {"bob", 1, 7.25, new BigDecimal("1.00"), "blue"},
                new Object[] {"bob", 2, 9.0, new BigDecimal("1.00"), "blue"},
                new Object[] {"bob", 5, 15.5, new BigDecimal("3.75"), "blue"},
                new Object[] {"cy", 1, 11.0, null, "red"},
                new Object[] {"cy", 3, 8.5, new BigDecimal("0.50"), "red"},
                new Object[] {"dee", 2, 20.0, new BigDecimal("5.00"), "green"},
                new Object[] {"eve", 1, 3.0, new BigDecimal("0.10"), "green"});
    }

    private static void print(CaseContext ctx, Dataset<Row> df) {
        OpsData.fields(ctx, df);
        ctx.show(df);
    }

    @Case
    public static void rangeOverDoubles(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("team").orderBy("score");
        print(ctx, scores(ctx).select(col("player"), col("game"), count("*").over(w.rangeBetween(-2, 2)),
                sum("score").over(w.rangeBetween(Window.unboundedPreceding(), 1)),
                min("game").over(w.rangeBetween(1, Window.unboundedFollowing()))));
    }

    @Case
    public static void rangeFramesAndNulls(CaseContext ctx) {
        WindowSpec first = Window.partitionBy("team").orderBy(col("score").asc_nulls_first());
        WindowSpec last = Window.partitionBy("team").orderBy(col("score").desc_nulls_last());
        print(ctx, scores(ctx).select(col("player"), col("game"),
                count("*").over(first.rangeBetween(Window.unboundedPreceding(), 1)),
                count("*").over(first.rangeBetween(-1, Window.unboundedFollowing())),
                count("*").over(last.rangeBetween(Window.unboundedPreceding(), 1)),
                count("*").over(last.rangeBetween(-1, Window.unboundedFollowing())),
                count("*").over(last.rangeBetween(-100, -50)), count("*").over(first.rangeBetween(50, 100))));
    }

    /** Readings at times one to ninety minutes apart, with dates, for time-based RANGE frames. */
    private static Dataset<Row> readings(CaseContext ctx) {
        StructType schema = new StructType().add("ts", DataTypes.TimestampType).add("dt", DataTypes.DateType)
                .add("v", DataTypes.IntegerType);
        return table(ctx, schema,
                new Object[] {FnSupport.ts("2024-01-01 10:00:00"), java.sql.Date.valueOf("2024-01-01"), 1},
                new Object[] {FnSupport.ts("2024-01-01 10:30:00"), java.sql.Date.valueOf("2024-01-01"), 2},
                new Object[] {FnSupport.ts("2024-01-01 11:00:00"), java.sql.Date.valueOf("2024-01-02"), 3},
                new Object[] {FnSupport.ts("2024-01-01 11:01:00"), java.sql.Date.valueOf("2024-01-03"), 4},
                new Object[] {FnSupport.ts("2024-01-01 12:31:00"), java.sql.Date.valueOf("2024-01-05"), 5},
                new Object[] {null, null, 6});
    }

    @Case
    public static void rangeOverTimes(CaseContext ctx) {
        Dataset<Row> df = readings(ctx);
        print(ctx, df.select(col("v"), sum("v").over(Window.orderBy(col("ts").cast("long")).rangeBetween(-3600, 0)).as("last_hour")));
        OpsData.error(ctx, "timestamp range", () -> df.select(sum("v").over(Window.orderBy("ts").rangeBetween(-1, 0))).collectAsList());
        OpsData.error(ctx, "date range", () -> df.select(sum("v").over(Window.orderBy("dt").rangeBetween(-1, 0))).collectAsList());
        OpsData.error(ctx, "timestamp rows", () -> print(ctx, df.select(col("v"),
                sum("v").over(Window.orderBy("ts").rowsBetween(-1, 0)), count("*").over(Window.orderBy("dt")))));
        OpsData.error(ctx, "interval range", () -> print(ctx, df.selectExpr("v",
                "sum(v) OVER (ORDER BY ts RANGE BETWEEN INTERVAL 1 HOUR PRECEDING AND CURRENT ROW)")));
        OpsData.error(ctx, "date interval range", () -> print(ctx, df.selectExpr("v",
                "count(*) OVER (ORDER BY dt RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND INTERVAL '1' DAY FOLLOWING)")));
    }

    @Case
    public static void rangeDescending(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("team").orderBy(col("game").desc());
        print(ctx, scores(ctx).select(col("player"), col("game"), collect_list("player").over(w.rangeBetween(-1, 0)),
                max("score").over(w.rangeBetween(0, 1)), count("*").over(w)));
    }

    @Case
    public static void rangeOverDecimals(CaseContext ctx) {
        WindowSpec w = Window.orderBy("bonus");
        print(ctx, scores(ctx).select(col("player"), col("game"), sum("bonus").over(w), avg("bonus").over(w.rangeBetween(-1, 1)),
                count("bonus").over(w.rowsBetween(-2, -1))));
    }

    @Case
    public static void severalSpecsInOneSelect(CaseContext ctx) {
        print(ctx, scores(ctx).select(col("player"), col("game"),
                row_number().over(Window.partitionBy("player").orderBy("game")).as("nth_game"),
                dense_rank().over(Window.partitionBy("team").orderBy(col("score").desc_nulls_last())).as("team_rank"),
                sum("score").over(Window.partitionBy("player")).as("player_total"),
                lag("score", 1).over(Window.partitionBy("player").orderBy("game")).as("previous")));
    }

    @Case
    public static void severalSpecsKeepSparkOrder(CaseContext ctx) {
        ctx.keepConsoleOrder();
        scores(ctx).withColumn("a", row_number().over(Window.partitionBy("team").orderBy("player", "game")))
                .withColumn("b", sum("game").over(Window.partitionBy("player").orderBy("game"))).show();
        scores(ctx).select(col("player"), col("game"), rank().over(Window.partitionBy("game").orderBy("player")).as("r"),
                max("score").over(Window.partitionBy("team", "game")).as("m")).show();
    }

    @Case
    public static void windowOverAggregate(CaseContext ctx) {
        Dataset<Row> totals = scores(ctx).groupBy("team", "player").agg(sum("score").as("total"));
        print(ctx, totals.withColumn("place", rank().over(Window.partitionBy("team").orderBy(col("total").desc())))
                .withColumn("share", col("total").divide(sum("total").over(Window.partitionBy("team")))));
    }

    @Case
    public static void filterAndOrderAfterWindow(CaseContext ctx) {
        ctx.keepConsoleOrder();
        scores(ctx).withColumn("best", max("score").over(Window.partitionBy("player")))
                .where(col("score").equalTo(col("best"))).orderBy("player", "game").show();
    }

    @Case
    public static void percentAndCumeWithTies(CaseContext ctx) {
        WindowSpec w = Window.orderBy(col("score").asc_nulls_last());
        print(ctx, scores(ctx).select(col("player"), col("game"), percent_rank().over(w), cume_dist().over(w), ntile(4).over(w),
                ntile(20).over(w)));
    }

    @Case
    public static void nthAndFirstOverFrames(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("team").orderBy("player", "game");
        print(ctx, scores(ctx).select(col("player"), col("game"), nth_value(col("score"), 3).over(w),
                nth_value(col("score"), 2).over(w.rowsBetween(-1, 1)), first("bonus", true).over(w.rowsBetween(1, 3)),
                last("bonus").over(w.rowsBetween(Window.unboundedPreceding(), -1))));
    }

    @Case
    public static void statisticsOverWindows(CaseContext ctx) {
        WindowSpec w = Window.partitionBy("team");
        print(ctx, scores(ctx).select(col("player"), col("game"), stddev("score").over(w), variance("score").over(w),
                approx_count_distinct("player").over(w), max_by(col("player"), col("score")).over(w),
                sum(col("score").multiply(col("bonus"))).over(w.orderBy("game"))));
    }

    @Case
    public static void sqlWindowForms(CaseContext ctx) {
        scores(ctx).createOrReplaceTempView("scores");
        print(ctx, ctx.spark().sql("SELECT player, game, "
                + "avg(score) OVER (PARTITION BY team ORDER BY game ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING) AS a, "
                + "ntile(3) OVER (ORDER BY game, player) AS t, "
                + "percent_rank() OVER (PARTITION BY team ORDER BY score DESC NULLS LAST) AS p, "
                + "lead(game, 2, -1) OVER (PARTITION BY team ORDER BY game, player) AS l, "
                + "count(*) OVER w AS c FROM scores WINDOW w AS (PARTITION BY player)"));
        print(ctx, scores(ctx).selectExpr("player", "game", "first_value(score) OVER (PARTITION BY team ORDER BY game)",
                "last_value(score, true) OVER (PARTITION BY team ORDER BY game RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)",
                "cume_dist() OVER (ORDER BY team DESC)", "rank() OVER (PARTITION BY team ORDER BY score DESC) * 10 AS r10"));
    }

    @Case
    public static void sqlWindowOverGroupBy(CaseContext ctx) {
        scores(ctx).createOrReplaceTempView("scores");
        print(ctx, ctx.spark().sql("SELECT team, sum(score) AS total, rank() OVER (ORDER BY sum(score) DESC) AS r, "
                + "count(*) * 100 / sum(count(*)) OVER () AS pct FROM scores GROUP BY team"));
        print(ctx, ctx.spark().sql("SELECT player, max(game) AS last_game, "
                + "lag(max(game)) OVER (PARTITION BY min(team) ORDER BY player) AS prev FROM scores GROUP BY player"));
    }

    @Case
    public static void sqlIgnoreNulls(CaseContext ctx) {
        print(ctx, scores(ctx).selectExpr("player", "game",
                "lag(bonus) IGNORE NULLS OVER (PARTITION BY team ORDER BY player, game) AS prev_bonus",
                "lead(bonus, 2) IGNORE NULLS OVER (PARTITION BY team ORDER BY player, game) AS next2",
                "nth_value(score, 2) IGNORE NULLS OVER (ORDER BY game, player)",
                "last_value(bonus) IGNORE NULLS OVER (PARTITION BY team ORDER BY player, game)",
                "first_value(score) RESPECT NULLS OVER (PARTITION BY team ORDER BY score)"));
    }

    @Case
    public static void dedupeInForeachBatchWithSql(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "id STRING, version INT, payload STRING",
                new String[] {"{\"id\":\"x\",\"version\":1,\"payload\":\"x1\"}", "{\"id\":\"y\",\"version\":2,\"payload\":\"y2\"}",
                    "{\"id\":\"x\",\"version\":3,\"payload\":\"x3\"}", "{\"id\":\"y\",\"version\":1,\"payload\":\"y1\"}"},
                new String[] {"{\"id\":\"x\",\"version\":4,\"payload\":\"x4\"}", "{\"id\":\"z\",\"version\":null,\"payload\":\"z?\"}",
                    "{\"id\":\"z\",\"version\":7,\"payload\":\"z7\"}"});
        StreamingQuery q = in.writeStream().trigger(Trigger.AvailableNow()).foreachBatch((Dataset<Row> df, Long id) -> {
            Dataset<Row> ranked = df.selectExpr("id", "payload",
                    "row_number() OVER (PARTITION BY id ORDER BY version DESC NULLS LAST) AS rn",
                    "count(*) OVER (PARTITION BY id) AS versions");
            ctx.println("batch " + id + ":");
            ctx.show(ranked.where("rn = 1").drop("rn"));
        }).start();
        q.awaitTermination();
    }

    @Case
    public static void streamingRefusedInSql(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "key STRING, ts BIGINT", new String[] {"{\"key\":\"a\",\"ts\":1}"});
        in.createOrReplaceTempView("events");
        Dataset<Row> ranked = ctx.spark().sql("SELECT key, row_number() OVER (PARTITION BY key ORDER BY ts) AS r FROM events");
        OpsData.error(ctx, "start", () -> ranked.writeStream().format("console").start().processAllAvailable());
        Dataset<Row> lagged = in.withColumn("prev", cume_dist().over(Window.partitionBy("key").orderBy("ts")));
        OpsData.error(ctx, "foreachBatch start", () -> lagged.writeStream().foreachBatch((Dataset<Row> df, Long id) -> { })
                .start().processAllAvailable());
    }
}
