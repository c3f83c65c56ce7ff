package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.OpsData.devices;
import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;
import static conformance.cases.OpsData.types;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.column;
import static io.tideway.sql.functions.current_timestamp;
import static io.tideway.sql.functions.explode;
import static io.tideway.sql.functions.expr;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.split;

/** The {@code functions} and {@code Column} methods Tideway offers, and {@code expr(...)}, on a streaming DataFrame. */
public final class OpsColumn {
    private OpsColumn() {
    }

    @Case
    public static void colAndColumn(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select(col("device"), column("signal"), col("`deviceType`"));
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    @Case
    public static void literalsOfEachType(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).where("device = 'd1'").select(lit(1), lit(10000000000L), lit(2.5), lit("s"),
                lit(true), lit(null), lit(java.sql.Date.valueOf("2024-01-02")),
                lit(java.sql.Timestamp.valueOf("2024-01-02 03:04:05")));
        ctx.println(String.join(",", df.columns()));
        fields(ctx, df);
        run(ctx, df);
    }

    @Case
    public static void exprArithmeticAndAlias(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select(expr("device"), expr("signal * 2 + 1 AS s"), expr("signal % 7"),
                expr("-signal"), expr("(signal > 10) AND (deviceType = 'router')"));
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    @Case
    public static void exprModFunction(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx).select(expr("mod(i, 2)"), expr("mod(l, 3)"), expr("mod(d, 1)"));
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    @Case
    public static void exprCastAndNullChecks(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx).select(expr("CAST(i AS STRING) AS si"), expr("cast(d as bigint)"),
                expr("s IS NULL"), expr("b IS NOT NULL"), expr("NOT b"));
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    @Case
    public static void exprUnknownFunction(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "expr", () -> df.select(expr("nope(device)")));
        error(ctx, "selectExpr", () -> df.selectExpr("frobnicate(signal, 1) AS x"));
        error(ctx, "where", () -> df.where("is_good(signal)"));
    }

    @Case
    public static void exprSyntaxError(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "dangling operator", () -> df.select(expr("signal +")));
        error(ctx, "two items", () -> df.selectExpr("device, signal"));
        error(ctx, "where", () -> df.where("signal >> 1 1"));
    }

    @Case
    public static void exprWrongArgumentCount(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        error(ctx, "mod(i)", () -> df.select(expr("mod(i)")));
        error(ctx, "sum(i, l)", () -> df.groupBy().agg(expr("sum(i, l)")));
    }

    @Case
    public static void notFunction(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx).select(col("b"), io.tideway.sql.functions.not(col("b")),
                io.tideway.sql.functions.not(col("i").gt(0)));
        ctx.println(String.join(",", df.columns()));
        run(ctx, df);
    }

    @Case
    public static void splitString(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "s STRING", new String[] {"{\"s\":\"a,b,,c\"}", "{\"s\":\"\"}", "{\"s\":null}", "{\"s\":\"x1y22z\"}"});
        Dataset<Row> out = df.select(col("s"), split(col("s"), ","), split(col("s"), ",", 2), split(col("s"), "[0-9]+"));
        ctx.println(String.join(",", out.columns()));
        fields(ctx, out);
        run(ctx, out);
    }

    @Case
    public static void explodeSplitWords(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "id INT, s STRING", new String[] {"{\"id\":1,\"s\":\"a b\"}", "{\"id\":2,\"s\":null}"},
                new String[] {"{\"id\":3,\"s\":\"c\"}"});
        Dataset<Row> out = df.select(col("id"), explode(split(col("s"), " ")));
        ctx.println(String.join(",", out.columns()));
        fields(ctx, out);
        run(ctx, out);
    }

    @Case
    public static void explodeInExprWithAlias(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "s STRING", new String[] {"{\"s\":\"x y x\"}"});
        Dataset<Row> out = df.select(expr("explode(split(s, ' ')) AS word")).groupBy("word").count();
        run(ctx, out, "complete");
    }

    @Case
    public static void currentTimestampIsATimestamp(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx).select(col("device"), current_timestamp().as("now"));
        fields(ctx, df);
        Dataset<Row> out = df.select(col("device"), col("now").isNotNull(), col("now").gt(lit("2024-01-01 00:00:00")));
        run(ctx, out);
    }

    @Case
    public static void aggregateFunctionsByName(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        Dataset<Row> out = df.groupBy().agg(io.tideway.sql.functions.count("i"), io.tideway.sql.functions.sum("l"),
                io.tideway.sql.functions.avg("d"), io.tideway.sql.functions.mean(col("i")),
                io.tideway.sql.functions.min("s"), io.tideway.sql.functions.max("b"));
        ctx.println(String.join(",", out.columns()));
        run(ctx, out, "complete");
    }

    @Case
    public static void getFieldOfStruct(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "id INT, p STRUCT<x: INT, y: STRING>", new String[] {
            "{\"id\":1,\"p\":{\"x\":5,\"y\":\"five\"}}", "{\"id\":2,\"p\":null}", "{\"id\":3,\"p\":{\"x\":null,\"y\":\"z\"}}"});
        Dataset<Row> out = df.select(col("id"), col("p"), col("p").getField("x"), col("p").getField("y").as("y"),
                col("p.x").plus(1));
        ctx.println(String.join(",", out.columns()));
        fields(ctx, out);
        run(ctx, out);
    }

    @Case
    public static void getFieldUnknownRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "p STRUCT<x: INT>", new String[] {"{\"p\":{\"x\":1}}"});
        error(ctx, "getField", () -> df.select(col("p").getField("z")));
        error(ctx, "on int", () -> df.select(col("p.x").getField("z")));
    }

    @Case
    public static void columnToString(CaseContext ctx) throws Exception {
        Column[] cs = {col("a"), col("a").plus(1), col("a").gt(lit(2)).and(col("b").isNull()), lit("x"),
            col("a").as("z"), col("a").cast("bigint"), expr("a * 2"), io.tideway.sql.functions.max("a"),
            io.tideway.sql.functions.not(col("c")), expr("-a"), col("a").mod(3)};
        for (Column c : cs) {
            ctx.println(c.toString());
        }
    }

    @Case
    public static void columnEquality(CaseContext ctx) throws Exception {
        ctx.println("same: " + col("a").plus(1).equals(col("a").plus(1)));
        ctx.println("different: " + col("a").plus(1).equals(col("a").plus(2)));
    }
}
