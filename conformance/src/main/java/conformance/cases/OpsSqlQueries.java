package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.JoinsInput.columns;
import static conformance.cases.JoinsInput.events;
import static conformance.cases.JoinsInput.names;
import static conformance.cases.JoinsInput.rows;
import static conformance.cases.JoinsInput.run;
import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;

/**
 * {@code sql()} queries of more than one relation: joins (ON, USING, NATURAL, CROSS, comma),
 * subqueries in FROM, WITH, and set operations, over static views and a streaming view joined
 * with a static one. Static results are printed in a stated order ({@code ORDER BY}).
 */
public final class OpsSqlQueries {
    private OpsSqlQueries() {
    }

    /** {@code orders(oid, uid, amount)}, {@code users(uid, name)} and {@code vip(uid)} as temporary views. */
    private static void views(CaseContext ctx) {
        StructType orders = new StructType().add("oid", DataTypes.IntegerType).add("uid", DataTypes.IntegerType)
                .add("amount", DataTypes.DoubleType);
        rows(ctx, orders, new Object[] {10, 1, 5.0}, new Object[] {11, 2, 7.5}, new Object[] {12, 1, 2.5},
                new Object[] {13, 9, 1.0}, new Object[] {14, null, 3.0}).createOrReplaceTempView("orders");
        StructType users = new StructType().add("uid", DataTypes.IntegerType).add("name", DataTypes.StringType);
        rows(ctx, users, new Object[] {1, "ann"}, new Object[] {2, "bob"}, new Object[] {3, "cy"})
                .createOrReplaceTempView("users");
        StructType vip = new StructType().add("uid", DataTypes.IntegerType);
        rows(ctx, vip, new Object[] {2}, new Object[] {3}, new Object[] {3}).createOrReplaceTempView("vip");
    }

    private static void show(CaseContext ctx, String sql) {
        Dataset<Row> df = ctx.spark().sql(sql);
        fields(ctx, df);
        for (Row r : df.collectAsList()) {
            ctx.println(r.toString());
        }
    }

    @Case
    public static void innerJoinOnQualified(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT o.oid, u.name, o.amount * 2 AS twice FROM orders o JOIN users AS u ON o.uid = u.uid ORDER BY o.oid");
        show(ctx, "SELECT orders.oid, users.name FROM orders INNER JOIN users ON orders.uid = users.uid "
                + "WHERE users.name <> 'bob' ORDER BY 1");
    }

    @Case
    public static void outerJoins(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT o.oid, u.name FROM orders o LEFT JOIN users u ON o.uid = u.uid ORDER BY o.oid");
        show(ctx, "SELECT o.oid, u.name FROM orders o RIGHT OUTER JOIN users u ON o.uid = u.uid ORDER BY u.name, o.oid");
        show(ctx, "SELECT o.oid, u.uid, u.name FROM orders o FULL OUTER JOIN users u ON o.uid = u.uid "
                + "ORDER BY o.oid NULLS FIRST, u.uid");
    }

    @Case
    public static void usingAndNatural(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT * FROM orders JOIN users USING (uid) ORDER BY oid");
        show(ctx, "SELECT * FROM orders LEFT JOIN users USING (uid) ORDER BY oid");
        show(ctx, "SELECT * FROM users NATURAL JOIN vip ORDER BY uid");
    }

    @Case
    public static void starOverJoinKeepsBothSides(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT * FROM orders o JOIN users u ON o.uid = u.uid ORDER BY o.oid");
        show(ctx, "SELECT u.*, o.oid FROM orders o JOIN users u ON o.uid = u.uid ORDER BY o.oid");
    }

    @Case
    public static void crossAndCommaJoins(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT u.name, v.uid FROM users u CROSS JOIN vip v ORDER BY u.name, v.uid");
        show(ctx, "SELECT o.oid, u.name FROM orders o, users u WHERE o.uid = u.uid AND o.amount > 2 ORDER BY o.oid");
    }

    @Case
    public static void joinThenAggregate(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT u.name, count(*) AS n, sum(o.amount) AS total FROM orders o JOIN users u ON o.uid = u.uid "
                + "GROUP BY u.name HAVING count(*) >= 1 ORDER BY total DESC");
        show(ctx, "SELECT a.name, b.oid FROM users a JOIN orders b ON a.uid = b.uid JOIN vip c ON c.uid = a.uid ORDER BY b.oid");
    }

    @Case
    public static void ambiguousColumn(CaseContext ctx) {
        views(ctx);
        error(ctx, "unqualified uid", () -> ctx.spark().sql("SELECT uid FROM orders o JOIN users u ON o.uid = u.uid"));
        error(ctx, "unknown qualifier", () -> ctx.spark().sql("SELECT x.uid FROM orders o JOIN users u ON o.uid = u.uid"));
    }

    @Case
    public static void subqueriesInFrom(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT t.uid, t.total FROM (SELECT uid, sum(amount) AS total FROM orders GROUP BY uid) t "
                + "WHERE t.total > 3 ORDER BY t.uid");
        show(ctx, "SELECT name FROM (SELECT * FROM users WHERE uid > 1) ORDER BY name DESC");
        show(ctx, "SELECT s.name, s.k FROM (SELECT name, uid * 10 AS k FROM users) AS s(name, k) ORDER BY s.k");
        show(ctx, "SELECT big.oid, u.name FROM (SELECT * FROM orders WHERE amount >= 5) big JOIN users u ON big.uid = u.uid ORDER BY big.oid");
    }

    @Case
    public static void withClauses(CaseContext ctx) {
        views(ctx);
        show(ctx, "WITH totals AS (SELECT uid, sum(amount) AS total FROM orders GROUP BY uid), "
                + "named AS (SELECT u.name, t.total FROM totals t JOIN users u ON t.uid = u.uid) "
                + "SELECT * FROM named ORDER BY total, name");
        show(ctx, "WITH t(id, label) AS (SELECT uid, name FROM users) SELECT label FROM t WHERE id <> 2 ORDER BY label");
        show(ctx, "WITH users AS (SELECT 42 AS uid) SELECT * FROM users");
    }

    @Case
    public static void setOperations(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT uid FROM users UNION SELECT uid FROM vip ORDER BY uid");
        show(ctx, "SELECT uid FROM users UNION ALL SELECT uid FROM vip ORDER BY uid");
        show(ctx, "SELECT uid FROM vip INTERSECT SELECT uid FROM users ORDER BY 1");
        show(ctx, "SELECT uid FROM users EXCEPT SELECT uid FROM vip");
        show(ctx, "SELECT uid FROM vip EXCEPT ALL SELECT uid FROM users WHERE uid = 2 ORDER BY uid");
        show(ctx, "SELECT uid, name FROM users UNION ALL SELECT oid, 'order' FROM orders WHERE oid < 12 ORDER BY uid LIMIT 4");
    }

    /** The guide's stream-static join written in SQL over a streaming view and a static one. */
    @Case
    public static void streamStaticJoinInSql(CaseContext ctx) throws Exception {
        events(ctx).createOrReplaceTempView("events");
        names(ctx).createOrReplaceTempView("names");
        Dataset<Row> joined = ctx.spark().sql("SELECT e.id, e.v, n.name FROM events e JOIN names n ON e.id = n.id");
        ctx.println("streaming=" + joined.isStreaming());
        columns(ctx, joined);
        run(ctx, joined, "append");
        Dataset<Row> left = ctx.spark().sql("SELECT * FROM events LEFT JOIN names USING (id)");
        columns(ctx, left);
        run(ctx, left, "append");
    }

    @Case
    public static void semiAndAntiJoins(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT * FROM users u LEFT SEMI JOIN vip v ON u.uid = v.uid ORDER BY uid");
        show(ctx, "SELECT * FROM users u LEFT ANTI JOIN orders o ON u.uid = o.uid");
        show(ctx, "SELECT name FROM users SEMI JOIN vip USING (uid) ORDER BY name");
    }

    @Case
    public static void inlineTables(CaseContext ctx) {
        show(ctx, "SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, tag) ORDER BY id DESC");
        show(ctx, "SELECT col1 + 1 AS n, col2 FROM VALUES (1, 'x'), (3, null)");
        show(ctx, "SELECT t.a FROM (VALUES (1.5), (2)) AS t(a)");
    }

    @Case
    public static void inAndExistsSubqueries(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT oid FROM orders WHERE uid IN (SELECT uid FROM vip) ORDER BY oid");
        show(ctx, "SELECT oid FROM orders WHERE uid NOT IN (SELECT uid FROM users WHERE uid > 1) ORDER BY oid");
        show(ctx, "SELECT oid FROM orders WHERE uid NOT IN (SELECT uid FROM orders) ORDER BY oid");
        show(ctx, "SELECT name FROM users WHERE EXISTS (SELECT * FROM vip WHERE uid = 3) AND uid < 3 ORDER BY name");
        show(ctx, "SELECT name FROM users WHERE NOT EXISTS (SELECT * FROM vip WHERE uid > 5) ORDER BY name");
        show(ctx, "SELECT count(*) FROM users WHERE uid IN (SELECT uid FROM orders WHERE amount > 2)");
    }

    @Case
    public static void scalarSubqueries(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT oid, amount FROM orders WHERE amount > (SELECT avg(amount) FROM orders) ORDER BY oid");
        show(ctx, "SELECT oid, amount - (SELECT min(amount) FROM orders) FROM orders ORDER BY oid");
        show(ctx, "SELECT (SELECT max(uid) FROM users) AS top, (SELECT count(*) FROM vip)");
        show(ctx, "SELECT * FROM users WHERE uid = (SELECT max(uid) FROM vip)");
        show(ctx, "SELECT oid FROM orders WHERE amount > (SELECT avg(amount) FROM orders WHERE uid = 9)");
    }

    @Case
    public static void subqueryErrors(CaseContext ctx) {
        views(ctx);
        error(ctx, "two columns", () -> ctx.spark().sql("SELECT (SELECT max(uid), min(uid) FROM vip) FROM users").collectAsList());
    }

    /** A correlated EXISTS, which Spark rewrites to a semi join on the correlation. */
    @Case
    public static void correlatedExists(CaseContext ctx) {
        views(ctx);
        show(ctx, "SELECT name FROM users u WHERE EXISTS (SELECT * FROM orders o WHERE o.uid = u.uid) ORDER BY name");
        show(ctx, "SELECT u.name FROM users u WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.uid = u.uid AND o.amount > 4)"
                + " ORDER BY u.name");
        show(ctx, "SELECT uid FROM vip v WHERE EXISTS (SELECT * FROM users WHERE users.uid = v.uid AND name <> 'bob') ORDER BY uid");
    }
}
