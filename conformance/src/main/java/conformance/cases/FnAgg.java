package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.show;
import static conformance.cases.FnSupport.showExpr;
import static conformance.cases.FnSupport.table;
import static io.tideway.sql.functions.*;

/**
 * The aggregate functions on static Datasets: global aggregates ({@code select(stddev(d))},
 * {@code selectExpr("count_if(i > 0)")}), over no rows, grouped, and in {@code sql()}. Each call
 * prints its column name, type, nullability and value.
 */
public final class FnAgg {
    private FnAgg() {
    }

    private static final StructType KV = new StructType()
            .add("k", DataTypes.StringType).add("v", DataTypes.IntegerType).add("x", DataTypes.DoubleType)
            .add("s", DataTypes.StringType);

    /** Groups a (3 rows, a null v), b (2 rows, a tie), c (1 row), n (only nulls). */
    private static Dataset<Row> kv(CaseContext ctx) {
        return table(ctx, KV,
                new Object[] {"a", 3, 1.5, "p"},
                new Object[] {"a", null, 2.0, null},
                new Object[] {"b", 5, -1.0, "q"},
                new Object[] {"a", 7, 4.25, "r"},
                new Object[] {"b", 5, 8.0, "s"},
                new Object[] {"c", 1, 0.5, "t"},
                new Object[] {"n", null, null, null});
    }

    private static void grouped(CaseContext ctx, Dataset<Row> df) {
        OpsData.fields(ctx, df);
        ctx.rows(df.orderBy("k").collectAsList());
    }

    @Case
    public static void firstLastAnyValue(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, first(col("i")), first("s"), last(col("i")), last("s"), first(col("i"), true),
                last(col("d"), true), any_value(col("s")), first_value(col("l")), last_value(col("ts")),
                first(col("dt")), last(col("b")));
        Dataset<Row> nullsFirst = FnSupport.strings(ctx, null, "x", "y", null);
        show(ctx, nullsFirst, first(col("s")), first(col("s"), true), last(col("s")), last(col("s"), true),
                any_value(col("s"), lit(true)));
        showExpr(ctx, nullsFirst, "first(s)", "first(s, true)", "last(s, true)", "any_value(s)",
                "first_value(s, true)", "last_value(s)", "first(s, 'yes')");
    }

    @Case
    public static void countIfAndBooleans(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, count_if(col("b")), count_if(col("i").gt(0)), bool_and(col("b")), every(col("i").gt(-10)),
                bool_or(col("b")), some(col("b")), any(col("i").gt(100)));
        showExpr(ctx, t, "count_if(i > 0)", "count_if(b)", "bool_and(b)", "every(i > -10)", "bool_or(b)",
                "some(i > 41)", "any(b)", "count_if(i)");
        // strings cast to boolean implicitly (ANSI: a malformed one fails); one malformed value, so one message
        showExpr(ctx, FnSupport.strings(ctx, "true", null, "no", "yes"), "bool_and(s)", "bool_or(s)", "count_if(s)");
        showExpr(ctx, FnSupport.strings(ctx, "true", "maybe"), "bool_or(s)");
    }

    @Case
    public static void momentsAndDeviations(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, stddev(col("d")), std(col("i")), stddev_samp(col("l")), stddev_pop(col("d")),
                variance(col("i")), var_samp(col("d")), var_pop(col("l")), skewness(col("d")), kurtosis(col("i")));
        showExpr(ctx, t, "stddev(d)", "std(i)", "stddev_samp(i)", "stddev_pop(l)", "variance(d)", "var_samp(l)",
                "var_pop(i)", "skewness(i)", "kurtosis(d)", "stddev(b)");
        Dataset<Row> numbers = FnSupport.strings(ctx, "1.5", null, "2", "-4e1");
        showExpr(ctx, numbers, "stddev(s)", "var_pop(s)", "corr(s, s)");
        showExpr(ctx, FnSupport.strings(ctx, "1", "x"), "stddev(s)");
        Dataset<Row> one = t.where("i = 42");
        show(ctx, one, stddev(col("i")), stddev_pop(col("i")), variance(col("i")), var_pop(col("i")),
                skewness(col("i")), kurtosis(col("i")));
    }

    @Case
    public static void correlationAndCovariance(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, corr(col("i"), col("d")), corr("l", "i"), covar_pop(col("i"), col("d")),
                covar_samp(col("l"), col("d")), covar_samp("i", "i"));
        showExpr(ctx, t, "corr(i, d)", "covar_pop(i, l)", "covar_samp(d, i)", "corr(i, b)");
        show(ctx, t.where("i = 42"), corr(col("i"), col("d")), covar_pop(col("i"), col("d")),
                covar_samp(col("i"), col("d")));
    }

    @Case
    public static void maxByMinBy(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, max_by(col("s"), col("i")), min_by(col("s"), col("i")), max_by(col("i"), col("s")),
                min_by(col("d"), col("ts")), max_by(col("dt"), col("d")));
        showExpr(ctx, t, "max_by(s, i)", "min_by(t, l)", "max_by(i, s)");
        grouped(ctx, kv(ctx).groupBy("k").agg(max_by(col("s"), col("v")), min_by(col("s"), col("v")),
                max_by(col("x"), col("v"))));
    }

    @Case
    public static void collectListAndSet(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, collect_list(col("i")), collect_list("s"), collect_set(col("b")),
                sort_array(collect_set(col("t"))), collect_list(col("d")), collect_list(col("dt")), array_agg(col("l")));
        showExpr(ctx, t, "collect_list(s)", "sort_array(collect_set(b))", "array_agg(i)", "size(collect_list(i))");
        grouped(ctx, kv(ctx).groupBy("k").agg(collect_list("v"), collect_list(col("s")), sort_array(collect_set(col("v")))));
    }

    @Case
    public static void groupedAggregates(CaseContext ctx) {
        grouped(ctx, kv(ctx).groupBy("k").agg(first("v"), last("v", true), count_if(col("v").gt(3)),
                bool_and(col("x").gt(0)), stddev("x"), var_pop("v"), skewness("x"), kurtosis("x"), covar_samp("v", "x")));
        // group b's v is constant: ANSI's division by zero inside corr
        grouped(ctx, kv(ctx).groupBy("k").agg(corr("v", "x")));
        grouped(ctx, kv(ctx).where("k <> 'b'").groupBy("k").agg(corr("v", "x")));
    }

    @Case
    public static void overNoRows(CaseContext ctx) {
        Dataset<Row> none = table(ctx).where("i > 1000");
        show(ctx, none, count(col("i")), sum(col("i")), first(col("i")), count_if(col("b")), bool_or(col("b")),
                stddev(col("d")), corr(col("i"), col("d")), max_by(col("s"), col("i")), collect_list(col("s")));
        showExpr(ctx, none, "count(*)", "collect_set(i)", "var_pop(d)");
        OpsData.fields(ctx, none.groupBy().agg(count_if(col("b")), collect_list(col("s"))));
        ctx.rows(none.groupBy("s").agg(count_if(col("b"))).collectAsList());
    }

    @Case
    public static void globalAggregatesInSelectExpr(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        showExpr(ctx, t, "max(i) - min(i)", "count(*)", "sum(i) / count(i)", "stddev(i) IS NULL",
                "size(collect_list(s)) + count_if(b)");
        show(ctx, t, max(col("i")).minus(min(col("i"))));
        OpsData.error(ctx, "selectExpr(i, count(*))", () -> t.selectExpr("i", "count(*)").collectAsList());
        OpsData.error(ctx, "select(s, first(i))", () -> t.select(col("s"), first(col("i"))).collectAsList());
    }

    @Case
    public static void aggregatesInSql(CaseContext ctx) {
        kv(ctx).createOrReplaceTempView("kv");
        ctx.rows(ctx.spark().sql("SELECT k, count_if(v > 3) AS c, stddev(x) AS sd, collect_list(s) AS l, "
                + "max_by(s, x) AS m, every(x > 0) AS e FROM kv GROUP BY k ORDER BY k").collectAsList());
        Dataset<Row> global = ctx.spark().sql("SELECT first(k), last(s, true), var_samp(v), covar_pop(v, x), "
                + "bool_or(v > 6), collect_set(k) IS NOT NULL FROM kv");
        OpsData.fields(ctx, global);
        ctx.rows(global.collectAsList());
        ctx.rows(ctx.spark().sql("SELECT k, std(v) FROM kv GROUP BY k HAVING count_if(v IS NULL) > 0 ORDER BY k")
                .collectAsList());
    }

    @Case(timeoutSeconds = 180)
    public static void distinctAggregates(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        Dataset<Row> twice = t.union(t);
        show(ctx, twice, countDistinct(col("b")), countDistinct("t", "b"), count_distinct(col("i"), col("b")),
                sum_distinct(col("i")), count(col("i")));
        showExpr(ctx, twice, "count(DISTINCT b)", "count(DISTINCT i, b)", "sum(DISTINCT l)", "avg(DISTINCT i)",
                "max(DISTINCT s)", "count(ALL i)", "sort_array(collect_list(DISTINCT t))", "stddev(DISTINCT d)",
                "count(DISTINCT i) + count(b)");
        grouped(ctx, kv(ctx).union(kv(ctx)).groupBy("k").agg(countDistinct("v"), sum_distinct(col("v")), count("v"),
                countDistinct("v", "s")));
        kv(ctx).createOrReplaceTempView("kv");
        ctx.rows(ctx.spark().sql("SELECT k, count(DISTINCT s), avg(DISTINCT v) FROM kv GROUP BY k ORDER BY k")
                .collectAsList());
        ctx.rows(ctx.spark().sql("SELECT count(DISTINCT k), sum(DISTINCT v) FROM kv").collectAsList());
    }

    @Case(timeoutSeconds = 180)
    public static void percentilesAndMode(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, percentile(col("i"), lit(0.5)), percentile(col("d"), lit(0.25)), median(col("l")), median(col("d")),
                mode(col("b")), mode(col("s")));
        showExpr(ctx, t, "percentile(i, 0.75)", "percentile(l, 0)", "percentile(d, 1.0)", "median(i)", "mode(t)");
        // one malformed string, so one message whatever the partitioning; mode over a clear winner
        showExpr(ctx, FnSupport.strings(ctx, "1.5", "x", null), "percentile(s, 0.5)");
        showExpr(ctx, FnSupport.strings(ctx, "x", "y", null, "x", "z", "y", "x"), "mode(s)", "median(length(s))");
        grouped(ctx, kv(ctx).groupBy("k").agg(median(col("v")), percentile(col("x"), lit(0.9))));
        show(ctx, t.where("i > 1000"), median(col("i")), mode(col("i")));
    }

    @Case(timeoutSeconds = 180)
    public static void approxCountDistinct(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, approx_count_distinct(col("i")), approx_count_distinct("s"), approx_count_distinct(col("b")),
                approx_count_distinct(col("d"), 0.01), approx_count_distinct(col("ts")), approx_count_distinct(col("dt")));
        showExpr(ctx, t, "approx_count_distinct(l)", "approx_count_distinct(t, 0.1)");
        Dataset<Row> r = ctx.spark().range(0, 30000).selectExpr("id", "id % 2000 AS m", "CAST(id % 7000 AS STRING) AS s",
                "id / 3.0 AS d");
        showExpr(ctx, r, "approx_count_distinct(id)", "approx_count_distinct(m)", "approx_count_distinct(s)",
                "approx_count_distinct(d, 0.01)", "approx_count_distinct(m, 0.02)", "approx_count_distinct(s, 0.3)");
    }

    @Case(timeoutSeconds = 180)
    public static void percentileApprox(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        show(ctx, t, percentile_approx(col("i"), lit(0.5), lit(10000)), approx_percentile(col("d"), lit(0.25), lit(100)),
                percentile_approx(col("l"), lit(1.0), lit(10000)), percentile_approx(col("dt"), lit(0.5), lit(10000)));
        showExpr(ctx, t, "percentile_approx(i, 0.75)", "approx_percentile(d, 0.5)", "percentile_approx(ts, 0.1, 5)",
                "percentile_approx(l, 0)");
        grouped(ctx, kv(ctx).groupBy("k").agg(percentile_approx(col("v"), lit(0.5), lit(10000)),
                percentile_approx(col("x"), lit(0.9), lit(10000))));
        Dataset<Row> r = ctx.spark().range(0, 20000).selectExpr("id", "(id * 7919) % 10007 AS m");
        showExpr(ctx, r, "percentile_approx(m, 0.5)");
    }

    /** Coarse summaries of many rows: the answer depends on how the rows were split into partial summaries. */
    @Case(timeoutSeconds = 180)
    public static void percentileApproxCoarseOverPartitions(CaseContext ctx) {
        Dataset<Row> r = ctx.spark().range(0, 20000).selectExpr("id", "(id * 7919) % 10007 AS m");
        showExpr(ctx, r, "percentile_approx(m, 0.25, 100)", "percentile_approx(id, 0.9, 50)");
    }

    @Case(timeoutSeconds = 180)
    public static void percentileArrays(CaseContext ctx) {
        Dataset<Row> t = table(ctx);
        showExpr(ctx, t, "percentile(i, array(0.25, 0.5, 1))", "percentile_approx(d, array(0.1, 0.5, 0.9))",
                "approx_percentile(dt, array(0.5), 100)", "percentile_approx(l, array(0, 1))");
        show(ctx, t, percentile(col("l"), array(lit(0.5), lit(0.75))));
    }

    @Case(timeoutSeconds = 120)
    public static void percentileWithFrequency(CaseContext ctx) {
        Dataset<Row> f = table(ctx, new StructType().add("v", DataTypes.IntegerType).add("f", DataTypes.IntegerType),
                new Object[] {10, 3}, new Object[] {20, 1}, new Object[] {30, 0}, new Object[] {40, null},
                new Object[] {null, 5}, new Object[] {50, 2});
        showExpr(ctx, f, "percentile(v, 0.5, f)", "percentile(v, array(0, 0.3, 0.75, 1), f)", "percentile(v, 0.5, 2)",
                "percentile(v, 0.5)", "percentile(v, 0.5, 1.5)");
        show(ctx, f, percentile(col("v"), lit(0.25), col("f")));
        showExpr(ctx, f.where("v = 20").selectExpr("v", "-f AS f"), "percentile(v, 0.5, f)");
    }

    @Case
    public static void modeTies(CaseContext ctx) {
        Dataset<Row> ties = FnSupport.strings(ctx, "r", "p", null, "q", "p", "r", "q");
        showExpr(ctx, ties, "mode(s)", "mode(s, true)", "mode(s, false)", "mode(length(s) + 1, true)");
        show(ctx, ties, mode(col("s")), mode(col("s"), true));
        grouped(ctx, kv(ctx).groupBy("k").agg(mode(col("s")), mode(col("s"), true), mode(col("x")), mode(col("v"), true)));
    }
}
