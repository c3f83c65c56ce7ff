package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;
import static conformance.cases.OpsData.runFailing;
import static conformance.cases.OpsData.types;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.expr;
import static io.tideway.sql.functions.lit;

/** Arithmetic on a streaming DataFrame: result types, nulls, and ANSI errors (division by zero, overflow). */
public final class OpsArithmetic {
    private OpsArithmetic() {
    }

    private static Dataset<Row> pairs(CaseContext ctx) throws Exception {
        return json(ctx, "a INT, b INT", new String[] {
            "{\"a\":7,\"b\":2}", "{\"a\":-7,\"b\":2}", "{\"a\":7,\"b\":-2}", "{\"a\":6,\"b\":3}", "{\"a\":0,\"b\":5}"});
    }

    @Case
    public static void arithmeticOnInts(CaseContext ctx) throws Exception {
        Dataset<Row> df = pairs(ctx);
        Dataset<Row> out = df.select(col("a"), col("b"), col("a").plus(col("b")), col("a").minus(col("b")),
                col("a").multiply(col("b")), col("a").divide(col("b")), col("a").mod(col("b")));
        ctx.println(String.join(",", out.columns()));
        run(ctx, out);
    }

    @Case
    public static void arithmeticOnLongsAndDoubles(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        run(ctx, df.select(col("l").plus(1), col("l").multiply(3), col("l").divide(4), col("l").mod(3),
                col("d").plus(0.5), col("d").multiply(col("d")), col("d").divide(2), col("d").mod(1)));
    }

    @Case
    public static void arithmeticResultTypes(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        fields(ctx, df.select(col("i").plus(col("i")).as("int+int"), col("i").divide(col("i")).as("int/int"),
                col("i").mod(col("i")).as("int%int"), col("i").plus(col("l")).as("int+long"),
                col("l").divide(col("l")).as("long/long"), col("i").plus(col("d")).as("int+double"),
                col("l").mod(col("d")).as("long%double"), col("i").plus(1).as("int+1"), col("i").plus(1L).as("int+1L"),
                col("i").plus(1.5).as("int+1.5"), col("i").multiply(lit(2)).as("int*lit2")));
    }

    @Case
    public static void arithmeticWithNullIsNull(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        run(ctx, df.select(col("i"), col("i").plus(col("l")), col("d").minus(col("i")), col("i").multiply(0),
                col("i").plus(lit(null)), col("d").divide(col("d"))));
    }

    @Case
    public static void unaryMinus(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        Dataset<Row> out = df.select(expr("-i"), expr("- l"), expr("-d"),
                lit(0).minus(col("i")).as("zero_minus"));
        ctx.println(String.join(",", out.columns()));
        run(ctx, out);
    }

    @Case
    public static void integerDivisionByZeroFails(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "a INT, b INT", new String[] {"{\"a\":1,\"b\":1}"}, new String[] {"{\"a\":1,\"b\":0}"});
        runFailing(ctx, df.select(col("a").divide(col("b"))));
    }

    @Case
    public static void doubleDivisionByZeroFails(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "a DOUBLE, b DOUBLE", new String[] {"{\"a\":1.5,\"b\":0.0}"});
        runFailing(ctx, df.select(col("a").divide(col("b"))));
    }

    @Case
    public static void remainderByZeroFails(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "a INT, b INT", new String[] {"{\"a\":7,\"b\":0}"});
        runFailing(ctx, df.select(col("a").mod(col("b"))));
    }

    @Case
    public static void divisionByNullZeroIsNull(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "a INT, b INT", new String[] {"{\"a\":null,\"b\":0}", "{\"a\":1,\"b\":null}"});
        run(ctx, df.select(col("a").divide(col("b")), col("a").mod(col("b"))));
    }

    @Case
    public static void integerOverflowFails(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "a INT", new String[] {"{\"a\":2147483647}"});
        runFailing(ctx, df.select(col("a").plus(1)));
    }

    @Case
    public static void longMultiplyOverflowFails(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "a BIGINT", new String[] {"{\"a\":9223372036854775807}"});
        runFailing(ctx, df.select(col("a").multiply(2)));
    }

    @Case
    public static void stringOperandInArithmetic(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx, "s STRING, i INT", new String[] {"{\"s\":\"2\",\"i\":3}", "{\"s\":\"-4\",\"i\":1}"});
        Dataset<Row> out = df.selectExpr("s + i AS plus", "s * 2 AS times", "i / s AS div");
        fields(ctx, out);
        run(ctx, out);
    }

    @Case
    public static void arithmeticOnBooleanRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        error(ctx, "boolean + int", () -> df.select(col("b").plus(col("i"))));
        error(ctx, "string - boolean", () -> df.select(col("s").minus(col("b"))));
        error(ctx, "-boolean", () -> df.select(expr("-b")));
    }
}
