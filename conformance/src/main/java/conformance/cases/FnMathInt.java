package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Math functions, part 3: remainders and integral division ({@code pmod}, {@code mod} and
 * {@code %}, {@code div}), integer representations ({@code bin}, {@code conv}), {@code factorial},
 * the shifts, seeded random numbers ({@code rand}, {@code randn}, {@code random}, {@code uniform})
 * and {@code width_bucket}.
 */
public final class FnMathInt {
    private FnMathInt() {
    }

    @Case
    public static void pmodSignsAndTypes(CaseContext ctx) {
        show(ctx, FnMathData.pairs(ctx), pmod(col("a"), col("b")), pmod(col("x"), col("y")), pmod(col("a"), lit(4)),
                pmod(col("x"), col("b")), pmod(col("a"), lit(2.5)));
        showExpr(ctx, FnMathData.pairs(ctx), "pmod(a, b)", "pmod(x, y)", "pmod(a, cast(b as bigint))");
        showExpr(ctx, table(ctx).limit(1), "pmod(-7, 3)", "pmod(7, -3)", "pmod(-7, -3)", "pmod(-7.5, 2)",
                "pmod(cast(-7.5 as double), 2)", "pmod(-2147483648, -1)", "pmod(-9223372036854775808L, -1)",
                "pmod('-7', '3')", "pmod(null, 3)", "pmod(7, null)");
        showExpr(ctx, table(ctx).limit(1), "pmod(7, 0)", "pmod(7.5, 0)", "pmod(cast(7.5 as double), 0)",
                "pmod(cast(7.5 as double), cast(0 as double))");
        showExpr(ctx, table(ctx), "pmod(1)", "pmod(1, 2, 3)", "pmod(b, 2)", "pmod(ts, 2)");
    }

    @Case
    public static void modAndPercentOperator(CaseContext ctx) {
        show(ctx, FnMathData.pairs(ctx), col("a").mod(col("b")), col("x").mod(col("y")), col("a").mod(4),
                col("x").mod(1));
        showExpr(ctx, FnMathData.pairs(ctx), "a % b", "mod(a, b)", "x % y", "mod(x, b)", "a % 2.5");
        showExpr(ctx, table(ctx).limit(1), "mod(-7, 3)", "7 % -3", "-7 % -3", "-7.5 % 2", "7.5 % 0.4",
                "cast(-7.5 as double) % 2", "-2147483648 % -1", "-9223372036854775808L % -1", "'7' % '3'",
                "7 % null", "mod(cast(5.5 as double), cast('Infinity' as double))",
                "mod(cast('Infinity' as double), 2)");
        showExpr(ctx, table(ctx).limit(1), "7 % 0", "mod(7, 0)", "7.5 % 0", "cast(7.5 as double) % 0",
                "cast(7.5 as double) % cast(0 as double)");
        showExpr(ctx, table(ctx), "mod(1)", "mod(b, 2)", "b % 2");
    }

    @Case
    public static void divIntegralDivision(CaseContext ctx) {
        showExpr(ctx, FnMathData.pairs(ctx), "a div b", "x div y", "a div y", "div(a, b)", "a / b");
        showExpr(ctx, table(ctx).limit(1), "7 div 2", "-7 div 2", "7 div -2", "-7 div -2", "7.9 div 2",
                "-7.9 div 2", "7L div 2", "cast(7 as tinyint) div cast(2 as tinyint)", "'7' div '2'", "7 div null",
                "7.5 div 0.5", "1e20 div 1", "cast(1e30 as decimal(38,0)) div 1",
                "-2147483648 div -1", "-9223372036854775808L div -1", "7 / 2", "-7 / 2");
        showExpr(ctx, table(ctx).limit(1), "7 div 0", "7.5 div 0", "cast(7 as double) div 0", "7 / 0", "7.0 / 0");
        showExpr(ctx, table(ctx), "i div l", "l div 7", "d div 0.5", "b div 1", "div(1)");
    }

    @Case
    public static void binOfIntegers(CaseContext ctx) {
        show(ctx, table(ctx), bin(col("i")), bin("l"), bin(col("d")));
        showExpr(ctx, table(ctx).limit(1), "bin(13)", "bin(0)", "bin(-1)", "bin(-13)", "bin(13.7)", "bin(-13.7)",
                "bin('13')", "bin(null)", "bin(9223372036854775807L)", "bin(cast(-1 as tinyint))",
                "bin(cast(13.7 as double))");
        show(ctx, FnMathData.limits(ctx), bin(col("i")), bin(col("l")));
        showExpr(ctx, table(ctx), "bin()", "bin(1, 2)", "bin(b)", "bin(ts)", "bin(s)");
    }

    @Case
    public static void convBetweenBases(CaseContext ctx) {
        show(ctx, strings(ctx, "100", "ff", "FF", "-10", "-ff", "zz", "", null, " 12", "12abc", "7fffffffffffffff",
                "8000000000000000", "ffffffffffffffff"), conv(col("s"), 16, 10), conv(col("s"), 16, -10),
                conv(col("s"), 16, 2));
        show(ctx, strings(ctx, "100", "-10", "", null, " 12", "12abc", "abc", "9223372036854775807",
                "-9223372036854775808", "18446744073709551615"), conv(col("s"), 10, 2), conv(col("s"), 10, -10),
                conv(col("s"), 10, 36));
        show(ctx, strings(ctx, "zz", "Spark", "-z", "10"), conv(col("s"), 36, 10), conv(col("s"), 36, 16),
                conv(col("s"), 36, -16));
        show(ctx, table(ctx), conv(col("i"), 10, 2), conv(col("l"), 10, 16), conv(col("d"), 10, 10));
        showExpr(ctx, table(ctx).limit(1), "conv('100', 2, 10)", "conv('-10', 16, -10)", "conv('-1', 10, 16)",
                "conv('-1', 10, -16)", "conv('ff', 16, 1)", "conv('ff', 16, 37)", "conv('ff', 37, 10)",
                "conv('ff', -16, 10)", "conv('ff', 16, -2)", "conv(255, 10, 16)", "conv('z', 36, 10)",
                "conv('12', 2, 10)", "conv('1.5', 10, 10)", "conv(null, 10, 2)", "conv('10', null, 2)");
        showExpr(ctx, table(ctx), "conv(i, 10, 2)", "conv(s, i, 2)", "conv('1', 2)", "conv(b, 10, 2)");
    }

    @Case
    public static void convOverflowUnderAnsi(CaseContext ctx) {
        showExpr(ctx, table(ctx).limit(1), "conv('18446744073709551615', 10, 16)", "conv('18446744073709551616', 10, 16)",
                "conv('18446744073709551616', 10, -10)", "conv('-18446744073709551616', 10, 10)",
                "conv('ffffffffffffffffff', 16, 10)", "conv('9223372036854775808', 10, -10)");
        show(ctx, strings(ctx, "1", "ffffffffffffffffff"), conv(col("s"), 16, 10));
    }

    @Case
    public static void factorialRange(CaseContext ctx) {
        Object[][] rows = {{-1}, {0}, {1}, {5}, {12}, {13}, {20}, {21}, {null}};
        show(ctx, table(ctx, new StructType().add("n", DataTypes.IntegerType), rows), factorial(col("n")));
        show(ctx, table(ctx), factorial(col("i")), factorial(col("l")), factorial(col("d")));
        showExpr(ctx, table(ctx).limit(1), "factorial(20)", "factorial(21)", "factorial(0)", "factorial(-1)",
                "factorial(5L)", "factorial(5.9)", "factorial('5')", "factorial(null)", "factorial(4294967301L)");
        showExpr(ctx, table(ctx), "factorial()", "factorial(1, 2)", "factorial(b)", "factorial(s)");
    }

    @Case
    public static void shiftFunctionsAndOperators(CaseContext ctx) {
        show(ctx, table(ctx), shiftleft(col("i"), 1), shiftLeft(col("l"), 3), shiftright(col("i"), 1),
                shiftRight(col("l"), 2), shiftrightunsigned(col("i"), 1), shiftRightUnsigned(col("l"), 60));
        showExpr(ctx, table(ctx), "shiftleft(i, 1)", "i << 2", "l >> 1", "i >>> 28", "shiftright(d, 1)");
        showExpr(ctx, table(ctx).limit(1), "shiftleft(1, 31)", "shiftleft(1, 32)", "shiftleft(1, 33)",
                "shiftleft(1L, 63)", "shiftleft(1L, 64)", "shiftleft(1, -1)", "shiftright(-8, 1)",
                "shiftrightunsigned(-8, 1)", "shiftrightunsigned(-8L, 1)", "1 << 3", "-16 >> 2", "-16 >>> 2",
                "shiftleft(cast(1 as tinyint), 10)", "shiftleft(cast(1 as smallint), 20)", "shiftleft('4', 1)",
                "shiftleft(1.5, 1)", "shiftleft(1, 2L)", "shiftleft(null, 1)", "shiftleft(1, null)");
        show(ctx, FnMathData.limits(ctx), shiftleft(col("i"), 1), shiftright(col("l"), 63),
                shiftrightunsigned(col("l"), 63), shiftrightunsigned(col("i"), 0));
        showExpr(ctx, table(ctx), "shiftleft(1)", "shiftleft(b, 1)", "shiftright(i, 'x')", "shiftleft(s, 1)");
    }

    @Case
    public static void randAndRandnWithSeed(CaseContext ctx) {
        show(ctx, table(ctx), rand(42), randn(42), rand(0), randn(-1), random(lit(42)),
                rand().geq(0).and(rand().lt(1)).alias("rand_in_range"), randn().isNotNull().alias("randn_not_null"));
        showExpr(ctx, table(ctx), "rand(42)", "random(42)", "randn(42)", "rand(0)", "rand(null)",
                "rand(cast(42 as bigint))", "rand(42) * 10", "rand(42) = rand(42)");
        showExpr(ctx, table(ctx), "rand(i)", "rand(1.5)", "rand('a')", "rand(1, 2)", "randn(b)");
    }

    @Case
    public static void uniformWithSeed(CaseContext ctx) {
        show(ctx, table(ctx), uniform(lit(10), lit(20), lit(42)), uniform(lit(1.0), lit(2.0), lit(7)),
                uniform(lit(0), lit(10)).between(0, 10).alias("in_range"));
        showExpr(ctx, table(ctx), "uniform(10, 20, 42)", "uniform(10L, 20L, 42)", "uniform(1.0, 2.0, 7)",
                "uniform(cast(1 as double), cast(2 as double), 7)", "uniform(5, 5, 1)", "uniform(20, 10, 42)",
                "uniform(10, 20, i)", "uniform(10)", "uniform('a', 2, 3)");
    }

    @Case
    public static void widthBucketEdges(CaseContext ctx) {
        show(ctx, table(ctx), width_bucket(col("d"), lit(-1.0), lit(3.0), lit(4)),
                width_bucket(col("i"), lit(0), lit(50), lit(5)), width_bucket(col("l"), lit(0), lit(100), col("i")));
        showExpr(ctx, table(ctx).limit(1), "width_bucket(5.3, 0.2, 10.6, 5)", "width_bucket(-2.1, 1.3, 3.4, 3)",
                "width_bucket(8.1, 0.0, 5.7, 4)", "width_bucket(-0.9, 5.2, 0.5, 2)", "width_bucket(0.2, 0.2, 10.6, 5)",
                "width_bucket(10.6, 0.2, 10.6, 5)", "width_bucket(5, 0, 10, 0)", "width_bucket(5, 0, 10, -1)",
                "width_bucket(5, 10, 10, 3)", "width_bucket(cast('NaN' as double), 0, 10, 3)",
                "width_bucket(cast('Infinity' as double), 0, 10, 3)", "width_bucket(5, 0, cast('Infinity' as double), 3)",
                "width_bucket(5, 0, 10, 9223372036854775807L)", "width_bucket(null, 0, 10, 3)", "width_bucket('5', '0', '10', '2')");
        show(ctx, FnMathData.specials(ctx), width_bucket(col("x"), lit(-2.0), lit(2.0), lit(4)));
        showExpr(ctx, table(ctx), "width_bucket(1, 2, 3)", "width_bucket(b, 0, 10, 2)", "width_bucket(d, 0, 10, 2.5)",
                "width_bucket(ts, 0, 10, 2)");
    }
}
