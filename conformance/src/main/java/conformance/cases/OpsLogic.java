package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;
import static conformance.cases.OpsData.runFailing;
import static conformance.cases.OpsData.types;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.not;

/** Comparison and boolean operators with nulls (SQL's three-valued logic), isNull/isNotNull. */
public final class OpsLogic {
    private OpsLogic() {
    }

    /** Every pair of true, false and null. */
    private static Dataset<Row> truthTable(CaseContext ctx) throws Exception {
        String[] v = {"true", "false", "null"};
        String[] lines = new String[9];
        int n = 0;
        for (String x : v) {
            for (String y : v) {
                lines[n++] = "{\"x\":" + x + ",\"y\":" + y + "}";
            }
        }
        return json(ctx, "x BOOLEAN, y BOOLEAN", lines);
    }

    @Case
    public static void andOrWithNull(CaseContext ctx) throws Exception {
        Dataset<Row> df = truthTable(ctx);
        Dataset<Row> out = df.select(col("x"), col("y"), col("x").and(col("y")), col("x").or(col("y")));
        ctx.println(String.join(",", out.columns()));
        run(ctx, out);
    }

    @Case
    public static void notWithNull(CaseContext ctx) throws Exception {
        Dataset<Row> df = truthTable(ctx).where("y IS NULL");
        Dataset<Row> out = df.select(col("x"), not(col("x")), not(col("x").and(col("y"))));
        ctx.println(String.join(",", out.columns()));
        run(ctx, out);
    }

    @Case
    public static void comparisonsWithNull(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "a INT, b INT", new String[] {
            "{\"a\":1,\"b\":2}", "{\"a\":2,\"b\":2}", "{\"a\":3,\"b\":null}", "{\"a\":null,\"b\":null}"});
        Dataset<Row> out = df.select(col("a"), col("b"), col("a").equalTo(col("b")), col("a").notEqual(col("b")),
                col("a").lt(col("b")), col("a").leq(col("b")), col("a").gt(col("b")), col("a").geq(col("b")));
        ctx.println(String.join(",", out.columns()));
        run(ctx, out);
    }

    @Case
    public static void whereDropsUnknown(CaseContext ctx) throws Exception {
        Dataset<Row> df = truthTable(ctx);
        ctx.println("x AND y");
        run(ctx, df.where(col("x").and(col("y"))));
        ctx.println("x OR y");
        run(ctx, df.where(col("x").or(col("y"))));
        ctx.println("NOT (x OR y)");
        run(ctx, df.where(not(col("x").or(col("y")))));
    }

    @Case
    public static void isNullAndIsNotNull(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        Dataset<Row> out = df.select(col("s"), col("i").isNull(), col("d").isNotNull(), col("i").plus(col("d")).isNull());
        ctx.println(String.join(",", out.columns()));
        run(ctx, out);
        ctx.println("where");
        run(ctx, df.where(col("s").isNull()).select("i"));
    }

    @Case
    public static void nullLiteralComparisons(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        run(ctx, df.select(col("i"), col("i").equalTo(lit(null)), col("i").isNull(), lit(null).isNull()));
    }

    @Case
    public static void comparingMixedTypes(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        run(ctx, df.select(col("i"), col("i").lt(col("d")), col("l").gt(col("i")), col("i").equalTo(7.0),
                col("s").gt("a"), col("d").geq(-1)));
    }

    @Case
    public static void comparingStringToNumber(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "s STRING", new String[] {"{\"s\":\"7\"}", "{\"s\":\"07\"}", "{\"s\":\" 8\"}"});
        run(ctx, df.select(col("s"), col("s").equalTo(7), col("s").gt(6)));
    }

    @Case
    public static void comparingMalformedStringToNumberFails(CaseContext ctx) throws Exception {
        runFailing(ctx, json(ctx, "s STRING", new String[] {"{\"s\":\"seven\"}"}).where(col("s").equalTo(7)));
    }

    @Case
    public static void comparingTimestampToString(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "s STRING", new String[] {"{\"s\":\"2024-01-01 09:59:59\"}",
            "{\"s\":\"2024-01-01 10:00:00\"}", "{\"s\":\"2024-01-01 10:00:01\"}"});
        run(ctx, df.select(col("s").cast("timestamp").as("ts")).where(col("ts").geq("2024-01-01 10:00:00")));
    }

    @Case
    public static void logicOnNonBooleanRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        error(ctx, "int AND boolean", () -> df.select(col("i").and(col("b"))));
        error(ctx, "NOT string", () -> df.select(not(col("s"))));
        error(ctx, "boolean > int", () -> df.select(col("b").gt(col("i"))));
    }
}
