package conformance.cases;

import conformance.Canonical;
import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

/**
 * {@code sql()} subqueries that read the outer query's columns: {@code LATERAL (SELECT ...)} in
 * FROM (a projection, correlated rows, a correlated aggregate, and uncorrelated) and correlated
 * scalar subqueries in SELECT and WHERE, as Spark's optimizer decorrelates them into joins. Each
 * query prints its schema and its rows (sorted), or its error.
 */
public final class OpsLateral {
    private OpsLateral() {
    }

    /** {@code t(k, a)} and {@code s(k, v)}: keys 1 and 2 match, 3 has no rows in s, 4 none in t. */
    private static void views(CaseContext ctx) {
        StructType t = new StructType().add("k", DataTypes.IntegerType).add("a", DataTypes.IntegerType);
        JoinsInput.rows(ctx, t, new Object[] {1, 10}, new Object[] {2, 20}, new Object[] {3, 30})
                .createOrReplaceTempView("t");
        StructType s = new StructType().add("k", DataTypes.IntegerType).add("v", DataTypes.IntegerType);
        JoinsInput.rows(ctx, s, new Object[] {1, 1}, new Object[] {1, 5}, new Object[] {2, 7}, new Object[] {4, 9})
                .createOrReplaceTempView("s");
    }

    private static void sql(CaseContext ctx, String... queries) {
        for (String q : queries) {
            try {
                Dataset<Row> r = ctx.spark().sql(q);
                ctx.println(q + " :: " + r.schema().simpleString());
                ctx.rows(r.collectAsList());
            } catch (Exception e) {
                ctx.println(q + " => " + Canonical.error(e));
            }
        }
    }

    @Case
    public static void lateralProjection(CaseContext ctx) {
        views(ctx);
        sql(ctx, "SELECT * FROM t, LATERAL (SELECT t.a + 1 AS b)",
                "SELECT k, b, c FROM t, LATERAL (SELECT t.a * 2 AS b, t.k + t.a AS c)",
                "SELECT t.k, x.b FROM t, LATERAL (SELECT t.a - 1 AS b) x");
    }

    /** A LATERAL subquery without FROM but with WHERE: the outer rows it keeps. */
    @Case
    public static void lateralWhereWithoutFrom(CaseContext ctx) {
        views(ctx);
        sql(ctx, "SELECT k, b FROM t JOIN LATERAL (SELECT t.a AS b WHERE t.a > 10) ON true");
    }

    @Case
    public static void lateralCorrelatedRows(CaseContext ctx) {
        views(ctx);
        sql(ctx, "SELECT t.k, v FROM t, LATERAL (SELECT s.v FROM s WHERE s.k = t.k)",
                "SELECT * FROM t JOIN LATERAL (SELECT s.v FROM s WHERE s.k = t.k AND s.v > 1) ON true",
                "SELECT t.k, w FROM t, LATERAL (SELECT s.v + t.a AS w FROM s WHERE s.k = t.k)",
                "SELECT t.k, v FROM t LEFT JOIN LATERAL (SELECT s.v FROM s WHERE s.k = t.k) ON true",
                "SELECT t.k, v FROM t JOIN LATERAL (SELECT s.v FROM s WHERE s.k = t.k) x ON x.v > 4");
    }

    @Case
    public static void lateralAggregate(CaseContext ctx) {
        views(ctx);
        sql(ctx, "SELECT t.k, m FROM t, LATERAL (SELECT max(s.v) AS m FROM s WHERE s.k = t.k)",
                "SELECT t.k, n, total FROM t, LATERAL (SELECT count(*) AS n, sum(s.v) AS total FROM s WHERE s.k = t.k)",
                "SELECT * FROM t, LATERAL (SELECT max(v) AS m FROM s)");
    }

    @Case
    public static void correlatedScalar(CaseContext ctx) {
        views(ctx);
        sql(ctx, "SELECT k, (SELECT max(v) FROM s WHERE s.k = t.k) AS m FROM t",
                "SELECT k, (SELECT count(*) FROM s WHERE s.k = t.k) FROM t",
                "SELECT k, (SELECT sum(v) FROM s WHERE s.k = t.k) FROM t",
                "SELECT k FROM t WHERE a < (SELECT max(v) FROM s WHERE s.k = t.k) * 3",
                "SELECT k, a + (SELECT count(*) FROM s WHERE s.k = t.k AND s.v > 2) AS x FROM t",
                "SELECT k, (SELECT max(v) FROM s WHERE s.k = t.k) AS m, (SELECT max(v) FROM s) AS top FROM t");
    }
}
