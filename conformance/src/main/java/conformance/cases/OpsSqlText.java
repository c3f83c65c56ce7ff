package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnArray.arrays;
import static conformance.cases.FnSupport.showExpr;
import static conformance.cases.FnSupport.table;

/**
 * Spark SQL text forms beyond Calcite's grammar, in {@code selectExpr} and {@code sql()}: field
 * aliases in {@code struct(e AS name)}, {@code STRUCT<...>}/{@code ARRAY<...>}/{@code MAP<...>}
 * types in CAST and Spark 4's {@code x::type}, {@code LATERAL VIEW [OUTER]} over static and streaming views, higher-order
 * functions named like SQL keywords ({@code exists}, {@code filter}) and generators' multi-aliases
 * in a query's select list, with their errors.
 */
public final class OpsSqlText {
    private OpsSqlText() {
    }

    /** Prints the query's schema and rows (sorted), or its error. */
    private static void query(CaseContext ctx, String sql) {
        ctx.println("-- " + sql);
        try {
            Dataset<Row> out = ctx.spark().sql(sql);
            OpsData.fields(ctx, out);
            for (String line : Canonical.sortedRows(out.collectAsList())) {
                ctx.println(line);
            }
        } catch (Exception e) {
            ctx.println(Canonical.error(e));
        }
    }

    /** {@code arrays} as the view {@code arr}, with a column {@code st} of structs for inline and {@code j} of JSON. */
    private static void arraysView(CaseContext ctx) {
        arrays(ctx).selectExpr("a", "b", "s", "n", "array(named_struct('x', n, 'y', CAST(n AS STRING))) AS st",
                "to_json(named_struct('k', n, 'v', s)) AS j").createOrReplaceTempView("arr");
    }

    @Case
    public static void structFieldAliases(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "struct(i AS x, s)", "struct(d / 0.0 AS inf, i)", "struct(i AS value, s AS `a b`)",
                "struct(i + 1 AS x, struct(s AS y) AS n)", "to_json(struct(i AS x, s AS y))", "STRUCT(i as x)",
                "struct(CAST(i AS STRING) AS x)", "struct(i AS x).x", "struct(i AS `1`, s AS `x``y`, l AS _z9)");
        df.createOrReplaceTempView("t");
        query(ctx, "SELECT struct(i AS x, s AS y) AS p, struct(i AS x).x AS px FROM t WHERE i > 0");
    }

    @Case
    public static void complexTypeCasts(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "CAST(array(i, l) AS ARRAY<STRING>)", "CAST(map(s, i) AS MAP<STRING, BIGINT>)",
                "CAST(array(struct(i, s)) AS ARRAY<STRUCT<a: STRING, b: STRING>>)",
                "CAST(map('k', array(i)) AS MAP<STRING, ARRAY<DOUBLE>>)", "try_cast(array(s) AS ARRAY<INT>)",
                "CAST(struct(i, s) AS struct<a int, b string>)", "CAST(NULL AS MAP<INT, ARRAY<STRING>>)",
                "CAST(array(i) AS ARRAY<NOPE>)", "CAST(map(s, i) AS MAP<STRING>)", "CAST(array(i) AS ARRAY<INT)",
                "CAST(i AS ARRAY<INT>)", "CAST(array(i) AS ARRAY<DECIMAL(40, 2)>)");
        df.createOrReplaceTempView("t");
        query(ctx, "SELECT CAST(struct(i, s) AS STRUCT<x: BIGINT, y: STRING>) AS p FROM t WHERE i IS NOT NULL");
    }

    @Case
    public static void colonCasts(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "i::bigint", "l :: string", "(i + 1)::double * 2", "'12'::int + i", "1::string",
                "array(i, l)::array<string>", "named_struct('a', i)::struct<x: string>", "d::decimal(10, 2)",
                "-i::bigint", "s::int", "i::nope");
        df.createOrReplaceTempView("t");
        query(ctx, "SELECT i::string AS s, l::double FROM t WHERE i::bigint > 0");
    }

    @Case
    public static void lateralViewStatic(CaseContext ctx) {
        arraysView(ctx);
        query(ctx, "SELECT n, x FROM arr LATERAL VIEW explode(a) t AS x");
        query(ctx, "SELECT n, x FROM arr LATERAL VIEW OUTER explode(a) t AS x");
        query(ctx, "SELECT * FROM arr LATERAL VIEW explode(b) t");
        query(ctx, "SELECT n, p, v FROM arr LATERAL VIEW posexplode(s) t AS p, v WHERE v IS NOT NULL");
        query(ctx, "SELECT n, t.p, t.v FROM arr lateral view outer posexplode(s) t p, v");
        query(ctx, "SELECT n, x, y FROM arr LATERAL VIEW explode(a) ta AS x LATERAL VIEW explode(b) tb AS y WHERE n = 1");
        query(ctx, "SELECT n, x, y FROM arr LATERAL VIEW inline(st) t AS x, y");
        query(ctx, "SELECT n, k, v FROM arr LATERAL VIEW json_tuple(j, 'k', 'v') t AS k, v");
        query(ctx, "SELECT n, c0, c1 FROM arr LATERAL VIEW json_tuple(j, 'k', 'nope') t");
        query(ctx, "SELECT n, c, d FROM arr LATERAL VIEW stack(2, n, n * 10) t AS c LATERAL VIEW explode(b) u AS d "
                + "WHERE n > 1");
        query(ctx, "SELECT n, sum(x) AS total FROM arr LATERAL VIEW explode(a) t AS x GROUP BY n ORDER BY n");
        query(ctx, "SELECT n, x FROM arr a LATERAL VIEW explode(a.b) t AS x WHERE a.n > 0");
        query(ctx, "SELECT n, x FROM arr LATERAL VIEW explode(a) t AS x, y");
        query(ctx, "SELECT n FROM arr LATERAL VIEW explode(n) t AS x");
    }

    @Case
    public static void lateralViewStreaming(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "id INT, tags ARRAY<STRING>",
                new String[] {"{\"id\":1,\"tags\":[\"a\",\"b\"]}", "{\"id\":2,\"tags\":[]}"},
                new String[] {"{\"id\":3,\"tags\":null}", "{\"id\":4,\"tags\":[\"c\",null]}"});
        in.createOrReplaceTempView("events");
        OpsData.run(ctx, ctx.spark().sql("SELECT id, pos, tag FROM events LATERAL VIEW OUTER posexplode(tags) t AS pos, tag"));
        OpsData.run(ctx, ctx.spark().sql("SELECT id, upper(tag) AS t FROM events LATERAL VIEW explode(tags) x AS tag "
                + "WHERE tag IS NOT NULL"));
    }

    /** Spark's continuous mode runs no Generate, so a LATERAL VIEW is refused when the query starts. */
    @Case
    public static void lateralViewContinuousRefused(CaseContext ctx) throws Exception {
        ctx.spark().readStream().format("rate").load().createOrReplaceTempView("ticks");
        ctx.spark().sql("SELECT value, x FROM ticks LATERAL VIEW explode(array(value, value + 1)) t AS x").writeStream()
                .format("console")
                .trigger(io.tideway.sql.streaming.Trigger.Continuous("1 second"))
                .start();
    }

    @Case
    public static void keywordNamedFunctionsInSql(CaseContext ctx) {
        arraysView(ctx);
        query(ctx, "SELECT n, exists(a, x -> x > 2) AS e, filter(a, x -> x > 1) AS f FROM arr");
        query(ctx, "SELECT n FROM arr WHERE exists(b, x -> x IS NULL) OR filter(s, v -> v = 'zz') = array('zz')");
        query(ctx, "SELECT n, EXISTS(a, x -> x = n) FROM arr");
        query(ctx, "SELECT posexplode(a) AS (p, v), n FROM arr");
        query(ctx, "SELECT n, inline(st) AS (x, `y y`) FROM arr");
        query(ctx, "SELECT explode(b) AS (x, y) FROM arr");
    }
}
