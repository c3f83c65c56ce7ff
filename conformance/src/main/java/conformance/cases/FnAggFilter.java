package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.table;
import static io.tideway.sql.functions.*;

/**
 * Aggregates with {@code FILTER (WHERE ...)} in SQL (plain, DISTINCT, grouped, in HAVING, over no
 * matching row, in a streaming aggregation) and the ordered-set aggregates
 * {@code percentile_cont}, {@code percentile_disc} and {@code mode} written
 * {@code WITHIN GROUP (ORDER BY ...)}, with their column names, types and Spark's errors.
 */
public final class FnAggFilter {
    private FnAggFilter() {
    }

    private static final StructType KV = new StructType()
            .add("k", DataTypes.StringType).add("v", DataTypes.IntegerType).add("x", DataTypes.DoubleType)
            .add("s", DataTypes.StringType);

    private static Dataset<Row> kv(CaseContext ctx) {
        return table(ctx, KV,
                new Object[] {"a", 3, 1.5, "p"},
                new Object[] {"a", null, 2.0, null},
                new Object[] {"b", 5, -1.0, "q"},
                new Object[] {"a", 7, 4.25, "r"},
                new Object[] {"b", 6, 8.0, "q"},
                new Object[] {"c", 1, 0.5, "t"},
                new Object[] {"c", 2, null, "u"},
                new Object[] {"a", -1, -3.0, "p"},
                new Object[] {"b", 5, 2.5, "q"},
                new Object[] {"c", 2, 7.0, "t"}).coalesce(1);
    }

    private static void queries(CaseContext ctx, String... queries) {
        kv(ctx).createOrReplaceTempView("kv");
        for (String q : queries) {
            OpsData.error(ctx, q, () -> {
                Dataset<Row> r = ctx.spark().sql(q);
                OpsData.fields(ctx, r);
                ctx.rows(r.collectAsList());
            });
        }
    }

    @Case
    public static void filterClause(CaseContext ctx) {
        queries(ctx,
            "SELECT count(*) FILTER (WHERE v > 1), count(v) FILTER (WHERE x > 0), sum(v) FILTER (WHERE s = 'p'), "
                    + "avg(x) FILTER (WHERE v IS NOT NULL) FROM kv",
            "SELECT k, count(*) FILTER (WHERE v > 2) AS c, sum(v) FILTER (WHERE x < 0), max(s) FILTER (WHERE v > 0), "
                    + "sort_array(collect_list(v) FILTER (WHERE v % 2 = 1)) FROM kv GROUP BY k ORDER BY k",
            "SELECT count(*) FILTER (WHERE false), sum(v) FILTER (WHERE v > 100), first(s) FILTER (WHERE v IS NULL), "
                    + "max(x) FILTER (WHERE CAST(NULL AS BOOLEAN)) FROM kv",
            "SELECT max(x) FILTER (WHERE NULL) FROM kv",
            "SELECT k, sum(x) FILTER (WHERE x > 0) + count(1) FILTER (WHERE s < 'r') AS t FROM kv GROUP BY k ORDER BY k",
            "SELECT k, count(v) FROM kv GROUP BY k HAVING count(*) FILTER (WHERE v > 4) > 0 ORDER BY k");
    }

    @Case
    public static void filterWithDistinct(CaseContext ctx) {
        queries(ctx,
            "SELECT count(DISTINCT v) FILTER (WHERE x > 0), sum(DISTINCT v) FILTER (WHERE k <> 'b') FROM kv",
            "SELECT k, count(DISTINCT s) FILTER (WHERE v > 1) FROM kv GROUP BY k ORDER BY k");
    }

    @Case
    public static void filterInExpressions(CaseContext ctx) {
        Dataset<Row> d = kv(ctx);
        Dataset<Row> g = d.groupBy("k").agg(expr("count(*) FILTER (WHERE v > 2)"), expr("sum(x) FILTER (WHERE s = 'q')"));
        OpsData.fields(ctx, g);
        ctx.rows(g.orderBy("k").collectAsList());
        ctx.println(expr("count(*) FILTER (WHERE v > 2)").toString());
        ctx.println(expr("percentile_cont(0.25) WITHIN GROUP (ORDER BY x DESC)").toString());
        ctx.println(expr("mode() WITHIN GROUP (ORDER BY s)").toString());
        Dataset<Row> s = d.selectExpr("count(*) FILTER (WHERE x > 1) AS n", "min(v) FILTER (WHERE k = 'c')");
        OpsData.fields(ctx, s);
        ctx.rows(s.collectAsList());
    }

    @Case
    public static void filterErrors(CaseContext ctx) {
        queries(ctx,
            "SELECT sum(v) FILTER (WHERE v) FROM kv",
            "SELECT sum(v) FILTER (WHERE max(v) > 1) FROM kv",
            "SELECT upper(s) FILTER (WHERE v > 1) FROM kv",
            "SELECT k, sum(v) FILTER (WHERE v > 1) OVER (PARTITION BY k) FROM kv");
    }

    @Case
    public static void orderedSetAggregates(CaseContext ctx) {
        queries(ctx,
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v), percentile_cont(0.25) WITHIN GROUP (ORDER BY v DESC), "
                    + "percentile_cont(0.3) WITHIN GROUP (ORDER BY x) FROM kv",
            "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY v), percentile_disc(0.25) WITHIN GROUP (ORDER BY v DESC), "
                    + "percentile_disc(0.0) WITHIN GROUP (ORDER BY x), percentile_disc(1.0) WITHIN GROUP (ORDER BY x) FROM kv",
            "SELECT mode() WITHIN GROUP (ORDER BY v), mode() WITHIN GROUP (ORDER BY v DESC), "
                    + "mode() WITHIN GROUP (ORDER BY s) FROM kv",
            "SELECT k, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS m, percentile_disc(0.5) WITHIN GROUP (ORDER BY x), "
                    + "mode() WITHIN GROUP (ORDER BY v DESC) FROM kv GROUP BY k ORDER BY k",
            "SELECT percentile_cont(array(0.25, 0.75)) WITHIN GROUP (ORDER BY v) FROM kv",
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM kv WHERE v > 100");
    }

    @Case
    public static void filterWithOrderedSets(CaseContext ctx) {
        queries(ctx,
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FILTER (WHERE x > 0), "
                    + "mode() WITHIN GROUP (ORDER BY s) FILTER (WHERE k = 'b'), "
                    + "listagg(s, ',') WITHIN GROUP (ORDER BY s) FILTER (WHERE v > 2) FROM kv",
            "SELECT k, percentile_disc(0.5) WITHIN GROUP (ORDER BY x DESC) FILTER (WHERE v IS NOT NULL) AS p "
                    + "FROM kv GROUP BY k ORDER BY k");
    }

    @Case
    public static void orderedSetErrors(CaseContext ctx) {
        queries(ctx,
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v, x) FROM kv",
            "SELECT mode() WITHIN GROUP (ORDER BY v, x) FROM kv",
            "SELECT percentile_disc(DISTINCT 0.5) WITHIN GROUP (ORDER BY v) FROM kv",
            "SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY v) FROM kv",
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s) FROM kv");
    }

    @Case
    public static void withinGroupMissingOrMisused(CaseContext ctx) {
        queries(ctx,
            "SELECT percentile_cont(0.5) FROM kv",
            "SELECT percentile_disc(0.5) FROM kv",
            "SELECT mode() FROM kv",
            "SELECT mode(v) WITHIN GROUP (ORDER BY v) FROM kv",
            "SELECT sum(v) FILTER (WHERE rand() > 0.5) FROM kv");
    }

    private static final String DDL = "k STRING, v INT, x DOUBLE";
    private static final String[] FIRST = {
        "{\"k\":\"a\",\"v\":3,\"x\":1.5}", "{\"k\":\"a\",\"v\":null,\"x\":2.0}", "{\"k\":\"b\",\"v\":5,\"x\":-1.0}"};
    private static final String[] SECOND = {
        "{\"k\":\"a\",\"v\":7,\"x\":4.25}", "{\"k\":\"b\",\"v\":1,\"x\":8.0}", "{\"k\":\"c\",\"v\":1,\"x\":0.5}"};

    @Case
    public static void filterInStreamingAggregation(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, DDL, FIRST, SECOND);
        Dataset<Row> out = in.groupBy("k").agg(expr("count(*) FILTER (WHERE v > 2) AS big"),
                expr("sum(x) FILTER (WHERE x > 0)"), expr("collect_list(v) FILTER (WHERE x < 5)"));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out, "complete");
    }

    @Case
    public static void orderedSetsInStreamingAggregation(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, DDL, FIRST, SECOND);
        Dataset<Row> out = in.groupBy("k").agg(expr("percentile_cont(0.5) WITHIN GROUP (ORDER BY x)"),
                expr("percentile_disc(0.5) WITHIN GROUP (ORDER BY v DESC)"),
                expr("mode() WITHIN GROUP (ORDER BY v DESC) FILTER (WHERE x > 0)"));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out, "update");
    }
}
