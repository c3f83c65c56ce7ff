package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.math.BigDecimal;

import static conformance.cases.FnSupport.show;
import static conformance.cases.FnSupport.showExpr;
import static conformance.cases.FnSupport.table;
import static io.tideway.sql.functions.*;

/**
 * The aggregate functions added for issue #14 on static Datasets: bitwise aggregates, the
 * {@code regr_*} family, {@code try_sum}/{@code try_avg} (overflow gives null), {@code product},
 * {@code histogram_numeric} and the bitmap functions; global, grouped, over no rows and in
 * {@code sql()}. Each call prints its column name, type, nullability and value.
 */
public final class FnAggMore {
    private FnAggMore() {
    }

    private static final StructType KV = new StructType()
            .add("k", DataTypes.StringType).add("v", DataTypes.IntegerType).add("x", DataTypes.DoubleType)
            .add("l", DataTypes.LongType);

    /**
     * Groups a (3 rows, a null v), b (2 rows, constant v), c (1 row), n (only nulls); one partition, so
     * that results that depend on how partial states meet (a histogram's bins, a double sum's rounding)
     * do not depend on how an engine splits a local table.
     */
    private static Dataset<Row> kv(CaseContext ctx) {
        return one(table(ctx, KV,
                new Object[] {"a", 3, 1.5, 12L},
                new Object[] {"a", null, 2.0, 5L},
                new Object[] {"b", 5, -1.0, -9L},
                new Object[] {"a", 7, 4.25, 6L},
                new Object[] {"b", 5, 8.0, 3L},
                new Object[] {"c", 1, 0.5, 255L},
                new Object[] {"n", null, null, null}));
    }

    private static Dataset<Row> one(Dataset<Row> df) {
        return df.coalesce(1);
    }

    /** One string column with a single malformed number, so that one message shows whatever the order. */
    private static Dataset<Row> numbers(CaseContext ctx) {
        return FnSupport.strings(ctx, "1.5", null, "x", "-2");
    }

    private static void grouped(CaseContext ctx, Dataset<Row> df) {
        OpsData.fields(ctx, df);
        ctx.rows(df.orderBy("k").collectAsList());
    }

    @Case
    public static void bitwiseAggregates(CaseContext ctx) {
        Dataset<Row> t = one(table(ctx));
        show(ctx, t, bit_and(col("i")), bit_or(col("i")), bit_xor(col("i")), bit_and(col("l")), bit_or(col("l")),
                bit_xor(col("l")));
        showExpr(ctx, t, "bit_and(i)", "bit_or(l)", "bit_xor(l)", "bit_and(CAST(i AS TINYINT))",
                "bit_or(CAST(i AS SMALLINT))", "bit_xor(i + 1)", "bit_and(d)", "bit_or(s)", "bit_xor(b)");
        grouped(ctx, kv(ctx).groupBy("k").agg(bit_and(col("v")), bit_or(col("l")), bit_xor(col("v")), bit_xor(col("l"))));
        show(ctx, t.where("i > 1000"), bit_and(col("i")), bit_or(col("l")), bit_xor(col("i")));
    }

    @Case
    public static void regressionFunctions(CaseContext ctx) {
        Dataset<Row> t = one(table(ctx));
        show(ctx, t, regr_avgx(col("d"), col("i")), regr_avgy(col("d"), col("i")), regr_count(col("d"), col("i")),
                regr_intercept(col("d"), col("i")), regr_r2(col("d"), col("i")), regr_slope(col("d"), col("i")),
                regr_sxx(col("d"), col("i")), regr_sxy(col("d"), col("i")), regr_syy(col("d"), col("i")));
        showExpr(ctx, t, "regr_avgx(l, i)", "regr_avgy(l, i)", "regr_count(i, l)", "regr_intercept(l, d)",
                "regr_r2(i, l)", "regr_slope(l, d)", "regr_sxx(i, d)", "regr_sxy(i, l)", "regr_syy(l, d)",
                "regr_avgx(i, CAST(d AS DECIMAL(10, 2)))", "regr_avgy(CAST(i AS DECIMAL(5, 1)), d)", "regr_slope(b, i)");
        showExpr(ctx, numbers(ctx), "regr_count(s, s)", "regr_sxx(s, s)");
    }

    @Case
    public static void regressionGrouped(CaseContext ctx) {
        grouped(ctx, kv(ctx).groupBy("k").agg(regr_avgx(col("x"), col("v")), regr_avgy(col("x"), col("v")),
                regr_count(col("x"), col("v")), regr_intercept(col("x"), col("v")), regr_r2(col("x"), col("v")),
                regr_slope(col("x"), col("v")), regr_sxx(col("x"), col("v")), regr_sxy(col("x"), col("v")),
                regr_syy(col("x"), col("v"))));
        // v constant in b, x constant in r2's second form: Spark's null and 1.0
        grouped(ctx, kv(ctx).groupBy("k").agg(regr_r2(col("v"), col("x")), regr_slope(col("v"), col("x")),
                regr_intercept(col("v"), col("x"))));
        show(ctx, one(table(ctx)).where("i > 1000"), regr_count(col("d"), col("i")), regr_slope(col("d"), col("i")),
                regr_avgx(col("d"), col("i")), regr_sxx(col("d"), col("i")));
    }

    private static Dataset<Row> big(CaseContext ctx) {
        StructType schema = new StructType().add("k", DataTypes.StringType).add("l", DataTypes.LongType)
                .add("i", DataTypes.IntegerType).add("m", DataTypes.createDecimalType(38, 0))
                .add("d", DataTypes.DoubleType);
        BigDecimal huge = new BigDecimal("9".repeat(38));
        return one(table(ctx, schema,
                new Object[] {"a", Long.MAX_VALUE, Integer.MAX_VALUE, huge, 1e308},
                new Object[] {"a", 1L, 1, BigDecimal.ONE, 1e308},
                new Object[] {"b", 5L, -2, BigDecimal.TEN, 2.5},
                new Object[] {"b", null, null, null, null},
                new Object[] {"c", Long.MIN_VALUE, Integer.MIN_VALUE, huge.negate(), -1e308},
                new Object[] {"c", -1L, -1, BigDecimal.ONE.negate(), 3.0}));
    }

    @Case
    public static void trySumAndTryAvg(CaseContext ctx) {
        Dataset<Row> t = one(table(ctx));
        show(ctx, t, try_sum(col("i")), try_sum(col("l")), try_sum(col("d")), try_avg(col("i")), try_avg(col("l")),
                try_avg(col("d")));
        showExpr(ctx, t, "try_sum(i)", "try_avg(l)", "try_sum(CAST(d AS DECIMAL(5, 2)))", "try_avg(CAST(d AS DECIMAL(5, 2)))",
                "try_sum(b)");
        showExpr(ctx, numbers(ctx), "try_sum(s)", "try_avg(s)");
        show(ctx, t.where("i > 1000"), try_sum(col("i")), try_avg(col("d")));
        grouped(ctx, big(ctx).groupBy("k").agg(try_sum(col("l")), try_sum(col("i")), try_sum(col("m")), try_sum(col("d")),
                try_avg(col("l")), try_avg(col("m")), try_avg(col("d"))));
        show(ctx, big(ctx), try_sum(col("l")), try_sum(col("m")), try_avg(col("m")), try_avg(col("l")));
    }

    @Case
    public static void trySumIntervals(CaseContext ctx) {
        Dataset<Row> r = ctx.spark().range(0, 3).toDF();
        showExpr(ctx, r, "try_sum(INTERVAL '1' DAY * id)", "try_avg(INTERVAL '1' DAY * id)",
                "try_sum(INTERVAL '2' MONTH * id)", "try_avg(INTERVAL '2' MONTH * id)",
                "try_sum(INTERVAL '106751990' DAY)", "try_avg(INTERVAL '106751990' DAY)",
                "try_sum(INTERVAL '178956970' YEAR)", "try_avg(INTERVAL '178956970' YEAR)");
    }

    @Case
    public static void productOfValues(CaseContext ctx) {
        Dataset<Row> t = one(table(ctx));
        show(ctx, t, product(col("i")), product(col("l")), product(col("d")));
        // product is no SQL function in Spark 4.0 (only functions.product): an unresolved routine
        showExpr(ctx, t, "product(i)");
        show(ctx, t, product(col("l").plus(1)), product(col("d").cast("decimal(4,2)")), product(col("b")));
        show(ctx, numbers(ctx), product(col("s")));
        grouped(ctx, kv(ctx).groupBy("k").agg(product(col("v")), product(col("x")), product(col("l"))));
        show(ctx, t.where("i > 1000"), product(col("i")));
        Dataset<Row> r = one(ctx.spark().range(1, 200).toDF());
        show(ctx, r, product(col("id")), product(col("id").multiply(1e300)));
    }

    @Case
    public static void aggregatesInSql(CaseContext ctx) {
        kv(ctx).createOrReplaceTempView("kv");
        Dataset<Row> q = ctx.spark().sql("SELECT k, bit_or(v) AS o, bit_xor(l), regr_slope(x, v), regr_count(x, v) AS c, "
                + "try_sum(l), try_avg(v) AS ta FROM kv GROUP BY k HAVING regr_count(x, v) > 0 ORDER BY k");
        OpsData.fields(ctx, q);
        ctx.rows(q.collectAsList());
        ctx.rows(ctx.spark().sql("SELECT bit_and(l), regr_sxy(x, l), regr_r2(x, l), try_avg(x), regr_avgy(v, x) FROM kv")
                .collectAsList());
    }

    @Case
    public static void histogramNumeric(CaseContext ctx) {
        Dataset<Row> t = one(table(ctx));
        show(ctx, t, histogram_numeric(col("i"), lit(3)), histogram_numeric(col("d"), lit(10)),
                histogram_numeric(col("l"), lit(2)));
        showExpr(ctx, t, "histogram_numeric(i, 2)", "histogram_numeric(d, 5)", "histogram_numeric(dt, 2)",
                "histogram_numeric(ts, 2)", "histogram_numeric(CAST(d AS DECIMAL(4, 2)), 2)",
                "histogram_numeric(i, 1)", "histogram_numeric(i, i)", "histogram_numeric(i, 'x')");
        showExpr(ctx, numbers(ctx), "histogram_numeric(s, 2)");
        Object[][] ids = new Object[1000][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = new Object[] {(long) i};
        }
        Dataset<Row> r = one(table(ctx, new StructType().add("id", DataTypes.LongType), ids))
                .selectExpr("id", "(id * 7919) % 1009 AS m", "CAST(id % 17 AS DOUBLE) / 3 AS f");
        showExpr(ctx, r, "histogram_numeric(m, 5)", "histogram_numeric(f, 4)", "histogram_numeric(id, 7)");
        grouped(ctx, kv(ctx).groupBy("k").agg(histogram_numeric(col("x"), lit(2)), histogram_numeric(col("v"), lit(3))));
        show(ctx, t.where("i > 1000"), histogram_numeric(col("i"), lit(3)));
    }

    @Case
    public static void bitmapFunctions(CaseContext ctx) {
        Dataset<Row> r = ctx.spark().range(-3, 3).selectExpr("id", "id * 32767 AS big");
        showExpr(ctx, r, "bitmap_bit_position(id)", "bitmap_bucket_number(id)", "bitmap_bit_position(big)",
                "bitmap_bucket_number(big)", "bitmap_bit_position(CAST(id AS INT))", "bitmap_bucket_number(CAST(id AS TINYINT))");
        Dataset<Row> t = one(table(ctx));
        show(ctx, t, bitmap_bit_position(col("i")), bitmap_bucket_number(col("l")));
        showExpr(ctx, t, "bitmap_bucket_number(d)", "bitmap_count(s)");
        showExpr(ctx, numbers(ctx), "bitmap_bit_position(s)");
        Dataset<Row> v = ctx.spark().range(0, 40).selectExpr("id % 3 AS g", "(id * 37) % 100 AS p");
        showExpr(ctx, v, "bitmap_count(bitmap_construct_agg(p))", "substring(hex(bitmap_construct_agg(p)), 1, 32)",
                "length(bitmap_construct_agg(p))");
        Dataset<Row> parts = v.groupBy("g").agg(bitmap_construct_agg(col("p")).as("bm"));
        grouped(ctx, parts.selectExpr("g AS k", "bitmap_count(bm)", "substring(hex(bm), 1, 26)"));
        show(ctx, parts, bitmap_count(bitmap_or_agg(col("bm"))), substring(hex(bitmap_or_agg(col("bm"))), 1, 26));
        showExpr(ctx, ctx.spark().range(32767, 32769).toDF(), "bitmap_count(bitmap_construct_agg(id))", "bitmap_count(X'0F')",
                "bitmap_count(bitmap_or_agg(X'01'))", "bitmap_construct_agg(CAST(id AS STRING))");
        show(ctx, t.where("i > 1000"), bitmap_construct_agg(col("l")), bitmap_or_agg(col("s")));
    }
}
