package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import conformance.Canonical;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Arithmetic: the {@code try_*} functions, decimal arithmetic with Spark's precision and scale
 * rules, ANSI overflow ({@code [ARITHMETIC_OVERFLOW]}) and division by zero
 * ({@code [DIVIDE_BY_ZERO]}), doubles' NaN, infinities and negative zero, strings as numbers,
 * and math functions in streaming queries.
 */
public final class FnMathArith {
    private FnMathArith() {
    }

    @Case
    public static void tryAddOverflowIsNull(CaseContext ctx) {
        show(ctx, FnMathData.limits(ctx), try_add(col("i"), lit(1)), try_add(col("l"), lit(1L)),
                try_add(col("i"), col("l")), try_add(col("i"), col("i")));
        showExpr(ctx, FnMathData.limits(ctx), "try_add(i, 1)", "try_add(l, -1)", "try_add(i, 1L)", "try_add(l, 1.5)");
        showExpr(ctx, table(ctx).limit(1), "try_add(2147483647, 1)", "try_add(1, 2)", "try_add(1.5, 2)",
                "try_add(cast(1.5 as double), 2)", "try_add(cast(99999999999999999999999999999999999999 as decimal(38,0)), 1)",
                "try_add(date'2024-02-28', 1)", "try_add(1, date'2024-02-28')", "try_add('1', 2)", "try_add('a', 2)",
                "try_add(null, 1)", "try_add(cast('Infinity' as double), 1)");
        showExpr(ctx, table(ctx), "try_add(i, d)", "try_add(1)", "try_add(1, 2, 3)", "try_add(b, 1)",
                "try_add(ts, 1)");
    }

    @Case
    public static void trySubtractAndTryMultiply(CaseContext ctx) {
        show(ctx, FnMathData.limits(ctx), try_subtract(col("i"), lit(1)), try_subtract(col("l"), lit(1)),
                try_multiply(col("i"), lit(2)), try_multiply(col("l"), col("l")), try_multiply(col("i"), lit(2L)));
        showExpr(ctx, FnMathData.limits(ctx), "try_subtract(i, 1)", "try_subtract(0, l)", "try_multiply(i, -1)",
                "try_multiply(l, 2)", "try_multiply(i, 0.5)");
        showExpr(ctx, table(ctx).limit(1), "try_subtract(-2147483648, 1)", "try_subtract(date'2024-03-01', 1)",
                "try_subtract(1.5, 2.25)", "try_multiply(1.5, 2.25)", "try_multiply(3037000500L, 3037000500L)",
                "try_multiply(cast(1e20 as decimal(38,0)), cast(1e20 as decimal(38,0)))",
                "try_multiply(cast('Infinity' as double), 0)", "try_subtract('a', 1)", "try_multiply(null, 2)");
        showExpr(ctx, table(ctx), "try_subtract(1)", "try_multiply(1, 2, 3)", "try_multiply(b, 2)",
                "try_subtract(s, t)");
    }

    @Case
    public static void tryDivideByZeroIsNull(CaseContext ctx) {
        show(ctx, table(ctx), try_divide(col("i"), lit(0)), try_divide(col("l"), col("i")),
                try_divide(col("d"), lit(0.0)), try_divide(col("i"), lit(2)), try_divide(col("d"), col("d")));
        showExpr(ctx, table(ctx), "try_divide(i, 0)", "try_divide(l, i)", "try_divide(d, 0.0)", "try_divide(i, 2)");
        showExpr(ctx, table(ctx).limit(1), "try_divide(1, 0)", "try_divide(7, 2)", "try_divide(1.0, 0)",
                "try_divide(1.5, 0.5)", "try_divide(1, 3)", "try_divide(1.0, 3)", "try_divide(0, 0)",
                "try_divide(cast(0 as double), 0)", "try_divide(-2147483648, -1)", "try_divide(-9223372036854775808L, -1)",
                "try_divide(cast(99999999999999999999999999999999999999 as decimal(38,0)), 0.1)",
                "try_divide('6', '3')", "try_divide('a', 1)", "try_divide(null, 0)");
        showExpr(ctx, table(ctx), "try_divide(1)", "try_divide(b, 1)", "try_divide(ts, 1)");
    }

    @Case
    public static void tryModByZeroIsNull(CaseContext ctx) {
        show(ctx, FnMathData.pairs(ctx), try_mod(col("a"), col("b")), try_mod(col("x"), col("y")),
                try_mod(col("a"), lit(0)), try_mod(col("x"), lit(0.0)));
        showExpr(ctx, FnMathData.pairs(ctx), "try_mod(a, b)", "try_mod(a, 0)");
        showExpr(ctx, table(ctx).limit(1), "try_mod(7, 0)", "try_mod(-7, 3)", "try_mod(7.5, 2)", "try_mod(7.5, 0)",
                "try_mod(cast(7.5 as double), 0)", "try_mod(-2147483648, -1)", "try_mod('7', '2')", "try_mod('a', 2)",
                "try_mod(null, 0)");
        showExpr(ctx, table(ctx), "try_mod(1)", "try_mod(b, 2)");
    }

    @Case
    public static void decimalLiteralArithmetic(CaseContext ctx) {
        showExpr(ctx, table(ctx).limit(1), "1.5 * 2.25", "1.5 + 2.25", "1.5 - 2.25", "1.5 / 2.25", "10.0 / 3",
                "1 / 3", "1.0 / 3.0", "0.1 + 0.2", "cast(0.1 as double) + cast(0.2 as double)", "1.5 % 0.4", "1.5 * 2",
                "1.5 + 1e0", "1.5 * 2L", "1.5BD", "1.5D", "1.5F", "1.5BD * 2", "123456789.123456789 * 987654321.987654321",
                "0.000001 * 0.000001", "100 / 8", "-1.50", "1.5 div 0.4", "2.00 = 2", "1.10 + 1.1");
    }

    @Case
    public static void decimalColumnArithmetic(CaseContext ctx) {
        show(ctx, table(ctx), col("i").cast("decimal(10,2)").divide(3),
                col("i").cast(DataTypes.createDecimalType(10, 2)).multiply(col("d").cast("decimal(5,3)")),
                col("d").cast("decimal(4,2)").plus(col("i")), col("d").cast("decimal(4,2)").plus(col("d")),
                col("l").cast("decimal(20,0)").minus(lit(new BigDecimal("0.5"))));
        showExpr(ctx, table(ctx), "cast(i as decimal(10,2)) / 3", "cast(i as decimal(10,2)) * 3",
                "cast(i as decimal(10,2)) + cast(d as decimal(5,3))", "cast(i as decimal(10,2)) % 3",
                "cast(l as decimal(20,0)) * cast(l as decimal(20,0))", "cast(d as decimal(4,2)) + i",
                "cast(d as decimal(4,2)) + l", "cast(d as decimal(4,2)) * d",
                "cast(i as decimal(38,10)) / cast(3 as decimal(38,10))", "cast(l as decimal(38,18)) * cast(d as decimal(38,18))",
                "negative(cast(d as decimal(4,2)))", "abs(cast(d as decimal(4,2)))", "cast(d as decimal(4,2)) div 0.1",
                "cast(i as decimal(10,2)) / 0.3", "cast(i as decimal(3,0)) / cast(7 as decimal(1,0))");
    }

    @Case
    public static void decimalOverflowAndDivisionByZero(CaseContext ctx) {
        showExpr(ctx, table(ctx).limit(1), "cast(99999999999999999999999999999999999999 as decimal(38,0)) + 1",
                "cast(99999999999999999999999999999999999999 as decimal(38,0)) * 10",
                "cast(1e20 as decimal(38,0)) * cast(1e20 as decimal(38,0))",
                "cast(12345.678 as decimal(5,2))", "cast(12345.678 as decimal(8,2))", "cast(0.005 as decimal(3,2))",
                "try_cast(12345.678 as decimal(5,2))", "1.5 / 0", "1.5 % 0", "cast(1 as decimal(38,37)) * 10",
                "cast(1 as decimal(38,37)) + 9");
    }

    @Case
    public static void integerOverflowUnderAnsi(CaseContext ctx) {
        show(ctx, FnMathData.limits(ctx), col("i").plus(1), col("l").minus(1), col("i").multiply(2),
                col("l").multiply(col("l")), col("i").plus(col("l")), col("i").plus(1L), col("i").minus(col("i")));
        showExpr(ctx, FnMathData.limits(ctx), "i + 1", "i - 1", "i * 2", "l + 1", "l - 1", "l * 2", "i + 1L",
                "cast(i as bigint) * 2", "i * 2.0", "cast(i as double) * i", "i + i", "l - l");
        showExpr(ctx, table(ctx).limit(1), "2147483647 + 1", "-2147483648 - 1", "2147483647 * 2",
                "9223372036854775807L + 1", "-9223372036854775808L - 1", "4611686018427387904L * 2",
                "cast(127 as tinyint) + cast(1 as tinyint)", "cast(32767 as smallint) + cast(1 as smallint)",
                "cast(127 as tinyint) + 1", "2147483647 + 1L");
    }

    @Case
    public static void divisionByZeroUnderAnsi(CaseContext ctx) {
        show(ctx, table(ctx), col("i").divide(0), col("d").divide(lit(0.0)), col("i").mod(0), col("l").divide(col("i")));
        showExpr(ctx, table(ctx), "i / 0", "l / 0", "d / 0", "d / 0.0", "i % 0", "i div 0", "pmod(i, 0)",
                "i / null", "i / cast(null as int)", "d / -0.0", "i / i");
        show(ctx, table(ctx).filter(col("i").isNull()), col("i").divide(0), col("d").divide(0));
    }

    @Case
    public static void doubleSpecialValuesInArithmetic(CaseContext ctx) {
        Dataset<Row> x = FnMathData.specials(ctx);
        showExpr(ctx, x, "cast(x as string)", "cast(-x as string)", "cast(x + 0.0 as string)", "x + 1", "x - x",
                "x * 0", "x * 2", "x / 2", "x / 1e-300", "x % 2", "-x", "x = x", "x <=> x", "x = 0.0",
                "x < cast('Infinity' as double)", "x > cast('Infinity' as double)", "isnan(x)", "nanvl(x, -1.0)",
                "cast(x as float)", "cast(x as decimal(10,2))", "cast(x as bigint)", "try_cast(x as int)",
                "cast('NaN' as double)", "cast('-Infinity' as double)", "cast('inf' as double)", "cast('-0' as double)",
                "1e308 * 10", "-1e308 * 10", "1e-320 / 1e10");
        show(ctx, x, col("x").plus(1), col("x").multiply(-1), col("x").isNaN(), isnan(col("x")),
                nanvl(col("x"), lit(0.0)), col("x").equalTo(Double.NaN), col("x").equalTo(-0.0));
    }

    @Case
    public static void doubleNaNAndZeroGroupingAndOrder(CaseContext ctx) {
        // -0.0 comes before 0.0, so an engine that keeps the first key it meets would show -0.0
        Object[][] rows = {{Double.NaN}, {0.0 / 0.0}, {Double.longBitsToDouble(0x7ff8000000000001L)}, {-0.0}, {0.0},
            {Double.POSITIVE_INFINITY}, {Double.NEGATIVE_INFINITY}, {1.0}, {null}};
        Dataset<Row> x = table(ctx, new StructType().add("x", DataTypes.DoubleType), rows);
        ctx.println("groupBy(x).count(), the key as Java prints it:");
        List<String> groups = new ArrayList<>();
        for (Row r : x.groupBy("x").count().collectAsList()) {
            groups.add("  " + r.get(0) + " -> " + r.get(1));
        }
        Collections.sort(groups);
        groups.forEach(ctx::println);
        ctx.println("distinct count: " + x.distinct().count());
        ctx.println("orderBy(x):");
        for (Row r : x.orderBy(col("x")).collectAsList()) {
            ctx.println(r.get(0)); // canonical: -0.0 and 0.0 both print 0.0 (they compare equal, so their order is open)
        }
        ctx.println("orderBy(x desc):");
        for (Row r : x.orderBy(col("x").desc()).collectAsList()) {
            ctx.println(r.get(0));
        }
        ctx.println("where x = NaN: " + x.where("x = cast('NaN' as double)").count());
        ctx.println("where x = 0.0: " + x.where("x = 0.0").count());
        ctx.println("where x = -0.0 (a decimal literal, so 0.0): " + x.where("x = -0.0").count());
        ctx.println("where x > 1e308: " + x.where("x > 1e308").count());
        ctx.show(x.selectExpr("max(x)", "min(x)", "sum(x)", "count(x)", "count(distinct x)"));
    }

    @Case
    public static void mathFunctionsOnSpecialDoubles(CaseContext ctx) {
        show(ctx, FnMathData.specials(ctx), sqrt(col("x")), log(col("x")), exp(col("x")), abs(col("x")),
                negative(col("x")), signum(col("x")), ceil(col("x")), round(col("x"), 1), sin(col("x")),
                atan(col("x")), degrees(col("x")), pmod(col("x"), lit(3.0)), try_add(col("x"), lit(1.0)),
                try_divide(col("x"), lit(0.0)), try_multiply(col("x"), lit(0.0)));
    }

    @Case
    public static void stringArgumentsCastToNumbers(CaseContext ctx) {
        Dataset<Row> s = strings(ctx, "4", " 16 ", "1e2", "-0", "2.5", "Infinity", "NaN", "-inf", null);
        showExpr(ctx, s, "sqrt(s)", "s + 1", "s * 2", "s / 2", "abs(s)", "round(s)", "ceil(s)", "pow(s, 2)", "-s",
                "s % 3", "s div 1", "cast(s as double)");
        showExpr(ctx, strings(ctx, "4", " 16 ", "-0", "+7", null), "s + 1", "s * 2", "s / 2", "s % 3", "s div 1",
                "pmod(s, 3)", "shiftleft(s, 1)", "bin(s)", "factorial(s)");
        showExpr(ctx, table(ctx).limit(1), "'10' + 5", "'10' + 5L", "'10' * '4'", "'10' / '4'", "'1.5' * 2",
                "'1.5' + 2.25", "'10' - 2.5", "'0x10' + 0", "'1_000' + 0", "' 7 ' + 1", "'' + 1", "'abc' + 1",
                "'9223372036854775808' + 0", "'2147483648' + 0");
        show(ctx, strings(ctx, "4", "abc"), sqrt(col("s")), col("s").plus(1));
    }

    @Case
    public static void errorsWrongArgumentsAndTypes(CaseContext ctx) {
        showExpr(ctx, table(ctx), "sqrt()", "pow(2)", "log(1, 2, 3)", "atan2(1)", "pmod(1)", "conv('1', 2)",
                "factorial()", "hypot(1)", "width_bucket(1, 2, 3)", "try_divide(1, 2, 3)", "bround(1, 2, 3)",
                "shiftleft(1)", "bin()", "degrees()", "e(1)");
        showExpr(ctx, table(ctx), "sqrt(b)", "sqrt(ts)", "sin(dt)", "pow(b, 2)", "pmod(b, 2)", "i + b", "i * ts",
                "d / dt", "i div b", "-b", "exp(array(1))", "abs(map(1, 2))", "ceil(named_struct('a', 1))",
                "i + 'abc'", "log(2, 'x')", "nosuchmath(1)");
    }

    @Case
    public static void streamingMathProjection(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "n INT, x DOUBLE",
                new String[] {"{\"n\":7,\"x\":2.25}", "{\"n\":-7,\"x\":-2.5}", "{\"n\":0,\"x\":0.0}"},
                new String[] {"{\"n\":null,\"x\":null}", "{\"n\":42,\"x\":1e10}"});
        OpsData.run(ctx, in.select(col("n"), round(col("x"), 1), bround(col("x")), ceil(col("x")), sqrt(col("x")),
                log(col("x")), pmod(col("n"), lit(3)), col("n").mod(3), try_divide(col("n"), lit(0)),
                signum(col("n")), pow(col("x"), 2.0), abs(col("n")), shiftleft(col("n"), 1)));
        Dataset<Row> in2 = OpsData.json(ctx, "n INT, x DOUBLE", new String[] {"{\"n\":5,\"x\":1.5}"});
        OpsData.run(ctx, in2.selectExpr("n", "n div 2", "n / 2", "cast(n as decimal(10,2)) / 3", "round(x * 3.3, 2)",
                "try_add(n, 2147483647)", "conv(cast(n as string), 10, 2)", "bin(n)", "factorial(n)",
                "width_bucket(x, 0, 10, 5)", "e() + pi()"));
    }

    @Case
    public static void streamingRandIgnoresItsSeed(CaseContext ctx) throws Exception {
        // A static DataFrame's rand(42) and randn(42) on partition 0 (see FnMathInt.randAndRandnWithSeed).
        String[] staticRand = {"0.619189370225", "0.509601884245", "0.832525938887"};
        String[] staticRandn = {"2.38447905424", "0.192093404129", "0.733733653329"};
        Dataset<Row> in = OpsData.json(ctx, "n INT",
                new String[] {"{\"n\":1}", "{\"n\":2}", "{\"n\":3}"},
                new String[] {"{\"n\":4}", "{\"n\":5}", "{\"n\":6}"});
        Dataset<Row> out = in.select(col("n"), rand(42), randn(42));
        OpsData.fields(ctx, out);
        // Spark gives rand/randn a new seed in every micro-batch of a streaming query (SPARK-25010): the values
        // are not those of the seed, so only what is stable about them is printed.
        VoidFunction2<Dataset<Row>, Long> check = (df, id) -> {
            List<Row> rows = df.orderBy("n").collectAsList();
            for (int k = 0; k < rows.size(); k++) {
                Row r = rows.get(k);
                double u = r.getDouble(1);
                ctx.println("batch " + id + " n=" + r.get(0) + " rand in [0,1): " + (u >= 0 && u < 1)
                        + ", randn is a number: " + !Double.isNaN(r.getDouble(2))
                        + ", rand as the static rand(42): " + Canonical.value(u).equals(staticRand[k])
                        + ", randn as the static randn(42): " + Canonical.value(r.get(2)).equals(staticRandn[k]));
            }
        };
        StreamingQuery q = out.writeStream().trigger(Trigger.AvailableNow()).foreachBatch(check).start();
        q.awaitTermination();
    }

    @Case
    public static void streamingOverflowFailsTheQuery(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "n INT",
                new String[] {"{\"n\":1}", "{\"n\":2}"},
                new String[] {"{\"n\":2147483647}"});
        OpsData.runFailing(ctx, in.select(col("n"), col("n").plus(1)));
    }

    @Case
    public static void streamingDivideByZeroFailsTheQuery(CaseContext ctx) throws Exception {
        Dataset<Row> in = OpsData.json(ctx, "n INT, x DOUBLE",
                new String[] {"{\"n\":1,\"x\":1.0}"},
                new String[] {"{\"n\":0,\"x\":0.0}"});
        OpsData.runFailing(ctx, in.select(col("n"), try_divide(col("x"), col("n")), lit(10).divide(col("x"))));
    }
}
