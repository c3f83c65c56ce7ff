package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.math.BigDecimal;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Math functions, part 1: sign and magnitude ({@code abs}, {@code negative}/{@code negate},
 * {@code positive}, {@code signum}/{@code sign}) and rounding ({@code round}, {@code bround},
 * {@code ceil}/{@code ceiling}, {@code floor}, {@code rint}): result types per input type, SQL
 * decimal literals, negative scales, half-up against half-even, special doubles, ANSI overflow.
 */
public final class FnMath {
    private FnMath() {
    }

    @Case
    public static void absOfEachType(CaseContext ctx) {
        show(ctx, table(ctx), abs(col("i")), abs(col("l")), abs(col("d")), abs(lit(-3)), abs(lit((Integer) null)));
        showExpr(ctx, table(ctx), "abs(i)", "abs(l)", "abs(d)", "abs(-5)", "abs(-2.50)", "abs(cast(-1 as tinyint))",
                "abs(cast(-1 as smallint))", "abs(cast(-1.5 as float))", "abs(' -3.5')", "abs(null)", "abs(-0.0)",
                "abs(cast('-0.0' as double))", "abs(d) * 2");
    }

    @Case
    public static void absErrors(CaseContext ctx) {
        showExpr(ctx, table(ctx), "abs()", "abs(i, l)", "abs(b)", "abs(ts)", "abs(dt)", "abs(s)", "abs('abc')");
    }

    @Case
    public static void absOfMinValueOverflowsUnderAnsi(CaseContext ctx) {
        show(ctx, FnMathData.limits(ctx), abs(col("i")), abs(col("l")));
        showExpr(ctx, FnMathData.limits(ctx), "abs(i)", "abs(l)", "abs(cast(i as bigint))",
                "abs(-2147483648)", "abs(cast(-2147483648 as int))", "abs(-9223372036854775808L)",
                "abs(cast(-128 as tinyint))", "abs(cast(-32768 as smallint))");
    }

    @Case
    public static void negativeAndPositive(CaseContext ctx) {
        show(ctx, table(ctx), negative(col("i")), negate(col("d")), negate(col("l")), positive(col("i")),
                positive(col("d")), negative(lit(2.5)));
        showExpr(ctx, table(ctx), "negative(i)", "-i", "- d", "-(l)", "positive(d)", "+i", "negative(2.50)",
                "negative(cast('-0.0' as double))", "-0.0", "negative('1.5')", "positive('1.5')", "negative(b)",
                "positive(b)", "negative()", "negative(1, 2)");
    }

    @Case
    public static void negativeOfMinValueOverflowsUnderAnsi(CaseContext ctx) {
        show(ctx, FnMathData.limits(ctx), negative(col("i")), negate(col("l")), positive(col("i")));
        showExpr(ctx, FnMathData.limits(ctx), "-i", "negative(l)", "-cast(i as bigint)", "+l");
    }

    @Case
    public static void signumAndSign(CaseContext ctx) {
        show(ctx, table(ctx), signum(col("i")), signum("d"), sign(col("l")), signum(lit(-2.5)));
        showExpr(ctx, table(ctx), "signum(i)", "sign(d)", "signum(l)", "signum(-5)", "sign(0)", "signum(2.50)",
                "signum(-0.0)", "signum(cast('-0.0' as double))", "signum('-3')", "signum(null)", "signum(b)",
                "sign()");
        show(ctx, FnMathData.specials(ctx), signum(col("x")));
    }

    @Case
    public static void roundHalfUpOnColumns(CaseContext ctx) {
        show(ctx, table(ctx), round(col("d")), round(col("d"), 1), round(col("i"), -1), round(col("l"), -2),
                round(col("i"), 2), round(col("d"), lit(1)), round(col("i")), round(col("l")));
        showExpr(ctx, table(ctx), "round(d)", "round(d, 1)", "round(d, -1)", "round(i, -1)", "round(l, -3)",
                "round(i, 2)", "round(cast(i as tinyint), -1)", "round(cast(i as smallint), -1)", "round(i, 0)",
                "round(cast(d as float), 1)");
    }

    @Case
    public static void roundDecimalLiteralsHalfUp(CaseContext ctx) {
        showExpr(ctx, table(ctx).limit(1), "round(2.5)", "round(3.5)", "round(-2.5)", "round(0.5)", "round(-0.5)",
                "round(1.25, 1)", "round(1.35, 1)", "round(-1.25, 1)", "round(123.456, 2)", "round(123.456, -1)",
                "round(123.456, -3)", "round(999.9)", "round(99.95, 1)", "round(123.456, 5)", "round(0.0)",
                "round(2.675, 2)", "round(cast(2.675 as double), 2)", "round(cast(2.5 as double))",
                "round(cast(-2.5 as double))", "round(1.0E-5, 3)", "round(null)", "round(null, 1)");
        show(ctx, table(ctx).limit(1), round(lit(2.5)), round(lit(new java.math.BigDecimal("2.5"))),
                round(lit(new java.math.BigDecimal("123.456")), -1));
    }

    @Case
    public static void roundIntegersWithNegativeScale(CaseContext ctx) {
        showExpr(ctx, table(ctx).limit(1), "round(15, -1)", "round(25, -1)", "round(-25, -1)", "round(149, -2)",
                "round(150, -2)", "round(2147483647, -1)", "round(2147483647, -10)", "round(9223372036854775807L, -1)",
                "round(cast(127 as tinyint), -1)", "round(12345, -10)", "round(12345L, -5)", "round(5, -1)");
    }

    @Case
    public static void broundHalfEven(CaseContext ctx) {
        show(ctx, table(ctx), bround(col("d")), bround(col("d"), 1), bround(col("i"), -1), bround(col("l"), -1),
                bround(col("d"), lit(0)));
        showExpr(ctx, table(ctx).limit(1), "bround(2.5)", "bround(3.5)", "bround(-2.5)", "bround(0.5)",
                "bround(1.25, 1)", "bround(1.35, 1)", "bround(-1.25, 1)", "bround(25, -1)", "bround(35, -1)",
                "bround(-25, -1)", "bround(150, -2)", "bround(250, -2)", "bround(cast(2.5 as double))",
                "bround(cast(3.5 as double))", "bround(cast(2.675 as double), 2)", "bround(123.455, 2)",
                "bround(2147483647, -1)", "bround(null)");
    }

    @Case
    public static void roundOfSpecialDoubles(CaseContext ctx) {
        show(ctx, FnMathData.specials(ctx), round(col("x")), round(col("x"), 2), round(col("x"), -2),
                bround(col("x")), bround(col("x"), -1));
    }

    @Case
    public static void roundErrors(CaseContext ctx) {
        showExpr(ctx, table(ctx), "round()", "round(1, 2, 3)", "round(d, i)", "round(d, 1.5)", "round(d, 'a')",
                "round(b)", "round(ts)", "round(s)", "round('2.5')", "bround(d, i)", "bround(b, 1)", "bround()");
        show(ctx, table(ctx), round(col("d"), col("i")));
    }

    @Case
    public static void ceilAndFloorResultTypes(CaseContext ctx) {
        show(ctx, table(ctx), ceil(col("d")), ceil("d"), ceiling(col("d")), floor(col("d")), floor("d"),
                ceil(col("i")), floor(col("l")), ceil(lit(2.5)), floor(lit(-2.5)));
        showExpr(ctx, table(ctx), "ceil(d)", "ceiling(d)", "floor(d)", "ceil(i)", "floor(l)",
                "ceil(cast(i as tinyint))", "floor(cast(i as smallint))", "ceil(cast(d as float))");
        showExpr(ctx, table(ctx).limit(1), "ceil(2.5)", "ceil(-2.5)", "floor(2.5)", "floor(-2.5)", "ceil(-0.1)",
                "floor(0.1)", "ceil(123.456)", "floor(99999.9)", "ceiling(1.0)", "ceil('2.5')", "floor(' -2.5 ')",
                "ceil(null)", "ceil(1e300)", "floor(-1e300)");
    }

    @Case
    public static void ceilAndFloorWithScale(CaseContext ctx) {
        show(ctx, table(ctx), ceil(col("d"), lit(1)), floor(col("d"), lit(-1)), ceiling(col("l"), lit(-2)),
                ceil(col("i"), lit(2)), floor(col("i"), lit(-1)));
        showExpr(ctx, table(ctx).limit(1), "ceil(3.14159, 2)", "floor(3.14159, 2)", "ceil(-3.14159, 2)",
                "floor(-3.14159, 2)", "ceil(1234.5, -2)", "floor(1234.5, -2)", "ceiling(1234.5, 0)",
                "ceil(5, -1)", "floor(-5, -1)", "ceil(cast(1.25 as double), 1)", "floor(cast(1.25 as double), -1)",
                "ceil(3.14159, 10)", "ceil(3L, 1)");
        showExpr(ctx, table(ctx), "ceil(d, 1)", "floor(d, -1)", "ceil(d, i)", "floor(d, 1.5)", "ceil(d, 1, 2)",
                "floor()", "ceil(b)", "floor(ts)");
    }

    @Case
    public static void ceilFloorRintOfSpecialDoubles(CaseContext ctx) {
        show(ctx, FnMathData.specials(ctx), ceil(col("x")), floor(col("x")), rint(col("x")), rint("x"),
                ceil(col("x"), lit(1)), floor(col("x"), lit(-1)));
        showExpr(ctx, table(ctx), "rint(d)", "rint(i)", "rint(2.5)", "rint(3.5)", "rint(-2.5)", "rint('1.5')");
    }

    @Case
    public static void decimalColumnThroughRoundingAndSign(CaseContext ctx) {
        Dataset<Row> t = table(ctx, new StructType().add("m", DataTypes.createDecimalType(10, 3)),
                new Object[] {new BigDecimal("2.500")},
                new Object[] {new BigDecimal("-2.500")},
                new Object[] {new BigDecimal("1.255")},
                new Object[] {new BigDecimal("-0.001")},
                new Object[] {new BigDecimal("9999999.999")},
                new Object[] {null});
        show(ctx, t, round(col("m")), round(col("m"), 2), round(col("m"), -1), bround(col("m"), 2), ceil(col("m")),
                floor(col("m")), ceil(col("m"), lit(1)), floor(col("m"), lit(-2)), abs(col("m")), negative(col("m")),
                signum(col("m")), sqrt(col("m")), rint(col("m")));
        showExpr(ctx, t, "m + 1", "m * m", "m / 3", "m % 0.3", "pmod(m, 2)", "m div 1", "m + 1.5D", "round(m, 5)",
                "ceil(m, -8)", "try_multiply(m, m)");
    }
}
