package conformance.cases;

import conformance.Case;
import conformance.CaseContext;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/**
 * Math functions, part 2: roots, exponentials, logarithms, powers, trigonometry, hyperbolic
 * functions, angle conversion, {@code hypot}, {@code pi} and {@code e}. Each over the shared
 * table (int, bigint and double columns, a null row), over the special doubles (NaN, the
 * infinities, both zeros, the extremes) and in SQL with literals, including the domain edges
 * where Spark answers NaN, an infinity or null.
 */
public final class FnMathExp {
    private FnMathExp() {
    }

    @Case
    public static void sqrtAndCbrt(CaseContext ctx) {
        show(ctx, table(ctx), sqrt(col("d")), sqrt("i"), sqrt(col("l")), cbrt(col("i")), cbrt("d"));
        showExpr(ctx, table(ctx).limit(1), "sqrt(4)", "sqrt(2)", "sqrt(-1)", "sqrt(0.25)", "sqrt('16')",
                "sqrt(null)", "cbrt(-27)", "cbrt(2.0)", "cbrt('8')", "sqrt(9223372036854775807L)");
        show(ctx, FnMathData.specials(ctx), sqrt(col("x")), cbrt(col("x")));
        showExpr(ctx, table(ctx), "sqrt()", "sqrt(1, 2)", "sqrt(b)", "cbrt(ts)", "sqrt(s)");
    }

    @Case
    public static void expAndExpm1(CaseContext ctx) {
        show(ctx, table(ctx), exp(col("d")), exp("i"), expm1(col("d")), expm1("l"));
        showExpr(ctx, table(ctx).limit(1), "exp(0)", "exp(1)", "exp(709)", "exp(710)", "exp(-1000)",
                "expm1(1e-10)", "exp(1e-10) - 1", "expm1(0)", "exp('2')", "exp(null)");
        show(ctx, FnMathData.specials(ctx), exp(col("x")), expm1(col("x")));
        showExpr(ctx, table(ctx), "exp()", "exp(b)", "expm1(1, 2)");
    }

    @Case
    public static void logOneArgumentAndLn(CaseContext ctx) {
        show(ctx, table(ctx), log(col("d")), log("i"), ln(col("l")), ln(col("d")));
        showExpr(ctx, table(ctx).limit(1), "log(1)", "ln(1)", "log(e())", "ln(0)", "log(0)", "ln(-1)",
                "log(10)", "ln('100')", "ln(null)");
        show(ctx, FnMathData.specials(ctx), log(col("x")), ln(col("x")));
        showExpr(ctx, table(ctx), "ln()", "ln(1, 2)", "ln(b)");
    }

    @Case
    public static void logWithBase(CaseContext ctx) {
        show(ctx, table(ctx), log(2.0, col("l")), log(10.0, "i"), log(0.5, col("d")), log(1.0, col("l")),
                log(-2.0, col("l")));
        showExpr(ctx, table(ctx), "log(2, l)", "log(i, l)", "log(d, 16)", "log(10, i)");
        showExpr(ctx, table(ctx).limit(1), "log(2, 8)", "log(10, 1000)", "log(2, 0)", "log(2, -1)", "log(0, 8)",
                "log(-2, 8)", "log(1, 8)", "log(1, 1)", "log(0.5, 4)", "log(8, 2)", "log('2', '1024')",
                "log(null, 8)", "log(2, null)", "log(cast('NaN' as double), 8)", "log(2, cast('Infinity' as double))");
        showExpr(ctx, table(ctx), "log()", "log(1, 2, 3)", "log(b, 2)", "log(2, ts)");
    }

    @Case
    public static void log10Log2Log1p(CaseContext ctx) {
        show(ctx, table(ctx), log10(col("l")), log10("d"), log2(col("i")), log2("l"), log1p(col("d")), log1p("i"));
        showExpr(ctx, table(ctx).limit(1), "log10(1000)", "log10(0)", "log10(-10)", "log10(0.001)",
                "log2(8)", "log2(0)", "log2(-8)", "log2(0.5)", "log2(3)", "log1p(0)", "log1p(-1)", "log1p(-2)",
                "log1p(1e-10)", "log10('100')");
        show(ctx, FnMathData.specials(ctx), log10(col("x")), log2(col("x")), log1p(col("x")));
        showExpr(ctx, table(ctx), "log10()", "log2(1, 2)", "log1p(b)");
    }

    @Case
    public static void powAndPower(CaseContext ctx) {
        show(ctx, table(ctx), pow(col("i"), 2.0), pow(2.0, col("i")), pow("d", "d"), pow(col("l"), col("i")),
                pow("i", 0.5), pow(3.0, "i"), pow(col("d"), "i"), pow("i", col("d")), power(col("i"), lit(3)));
        showExpr(ctx, table(ctx), "pow(i, 2)", "power(d, i)", "pow(l, 0)");
        showExpr(ctx, table(ctx).limit(1), "pow(2, 10)", "power(2, -1)", "pow(0, 0)", "pow(0, -1)",
                "pow(-8, 1.0/3)", "pow(-8, 3)", "pow(2, 1024)", "pow(-2, 1025)", "pow(-1, 0.5)", "pow(10, -400)",
                "pow(2.5, 2)", "power('2', '3')", "pow(null, 2)", "pow(2, null)", "pow(cast('NaN' as double), 0)",
                "pow(1, cast('NaN' as double))", "pow(1, cast('Infinity' as double))");
        show(ctx, FnMathData.specials(ctx), pow(col("x"), 2.0), pow(col("x"), 0.0), pow(2.0, col("x")),
                pow(col("x"), -1.0));
        showExpr(ctx, table(ctx), "pow(2)", "pow()", "power(1, 2, 3)", "pow(b, 2)", "pow(2, dt)");
    }

    @Case
    public static void sinCosTan(CaseContext ctx) {
        show(ctx, table(ctx), sin(col("d")), sin("i"), cos(col("d")), cos("l"), tan(col("d")), tan("i"));
        showExpr(ctx, table(ctx).limit(1), "sin(0)", "sin(pi())", "sin(pi() / 2)", "cos(0)", "cos(pi())",
                "cos(pi() / 2)", "tan(pi() / 4)", "tan(pi() / 2)", "sin('1')", "cos(null)", "sin(1e300)");
        show(ctx, FnMathData.specials(ctx), sin(col("x")), cos(col("x")), tan(col("x")));
        showExpr(ctx, table(ctx), "sin()", "cos(1, 2)", "tan(b)", "sin(dt)");
    }

    @Case
    public static void asinAcosAtan(CaseContext ctx) {
        show(ctx, table(ctx), asin(col("d")), asin("i"), acos(col("d")), acos("i"), atan(col("d")), atan("l"));
        showExpr(ctx, table(ctx).limit(1), "asin(1)", "asin(-1)", "asin(2)", "acos(-1)", "acos(1)", "acos(1.5)",
                "atan(1)", "atan(-1e300)", "asin('0.5')", "acos(null)");
        show(ctx, FnMathData.specials(ctx), asin(col("x")), acos(col("x")), atan(col("x")));
        showExpr(ctx, table(ctx), "asin()", "acos(b)", "atan(1, 2)");
    }

    @Case
    public static void atan2AllOverloads(CaseContext ctx) {
        show(ctx, table(ctx), atan2(col("d"), col("i")), atan2(col("d"), "i"), atan2("d", col("i")), atan2("d", "i"),
                atan2(col("d"), 1.0), atan2("d", -1.0), atan2(1.0, col("d")), atan2(-1.0, "i"));
        showExpr(ctx, table(ctx).limit(1), "atan2(1, 1)", "atan2(0, -1)", "atan2(0, 1)", "atan2(0, 0)",
                "atan2(-1, 0)", "atan2(1, 0)", "atan2(cast('-0.0' as double), -1)",
                "atan2(cast('-0.0' as double), cast('-0.0' as double))", "atan2('1', '1')", "atan2(null, 1)");
        show(ctx, FnMathData.specials(ctx), atan2(col("x"), 1.0), atan2(col("x"), -1.0), atan2(1.0, col("x")));
        showExpr(ctx, table(ctx), "atan2(1)", "atan2()", "atan2(b, 1)");
    }

    @Case
    public static void hyperbolicFunctions(CaseContext ctx) {
        show(ctx, table(ctx), sinh(col("d")), sinh("i"), cosh(col("d")), cosh("i"), tanh(col("d")), tanh("l"),
                asinh(col("d")), asinh("i"), acosh(col("d")), acosh("i"), atanh(col("d")), atanh("i"));
        showExpr(ctx, table(ctx).limit(1), "sinh(1)", "cosh(0)", "tanh(1000)", "sinh(1000)", "cosh(-1000)",
                "asinh(1)", "acosh(1)", "acosh(0)", "acosh(0.5)", "atanh(0.5)", "atanh(1)", "atanh(-1)", "atanh(2)",
                "asinh('2')", "atanh(null)");
        show(ctx, FnMathData.specials(ctx), sinh(col("x")), cosh(col("x")), tanh(col("x")), asinh(col("x")),
                acosh(col("x")), atanh(col("x")));
        showExpr(ctx, table(ctx), "sinh()", "cosh(b)", "atanh(1, 2)");
    }

    @Case
    public static void cotSecCsc(CaseContext ctx) {
        show(ctx, table(ctx), cot(col("d")), sec(col("d")), csc(col("d")), cot(col("i")), sec(lit(0)), csc(col("l")));
        showExpr(ctx, table(ctx).limit(1), "cot(1)", "cot(0)", "sec(0)", "sec(pi())", "csc(pi() / 2)", "csc(0)",
                "cot(pi() / 2)", "cot('1')", "sec(null)");
        show(ctx, FnMathData.specials(ctx), cot(col("x")), sec(col("x")), csc(col("x")));
        showExpr(ctx, table(ctx), "cot()", "sec(b)", "csc(1, 2)");
    }

    @Case
    public static void degreesAndRadians(CaseContext ctx) {
        show(ctx, table(ctx), degrees(col("d")), degrees("i"), toDegrees(col("d")), toDegrees("i"),
                radians(col("d")), radians("l"), toRadians(col("d")), toRadians("i"));
        showExpr(ctx, table(ctx).limit(1), "degrees(pi())", "degrees(1)", "radians(180)", "radians(-90)",
                "radians(360.0)", "degrees('1')", "radians(null)", "degrees(radians(123.456))");
        show(ctx, FnMathData.specials(ctx), degrees(col("x")), radians(col("x")));
        showExpr(ctx, table(ctx), "degrees()", "radians(b)", "degrees(1, 2)");
    }

    @Case
    public static void hypotAllOverloads(CaseContext ctx) {
        show(ctx, table(ctx), hypot(col("d"), col("i")), hypot(col("d"), "i"), hypot("d", col("l")), hypot("i", "l"),
                hypot(col("i"), 4.0), hypot("i", 4.0), hypot(3.0, col("d")), hypot(3.0, "i"));
        showExpr(ctx, table(ctx).limit(1), "hypot(3, 4)", "hypot(-3, -4)", "hypot(0, 0)", "hypot(1e200, 1e200)",
                "hypot(1e-200, 1e-200)", "hypot('5', '12')", "hypot(null, 1)",
                "hypot(cast('Infinity' as double), cast('NaN' as double))",
                "hypot(cast('NaN' as double), 1)");
        show(ctx, FnMathData.specials(ctx), hypot(col("x"), 1.0), hypot(col("x"), col("x")));
        showExpr(ctx, table(ctx), "hypot(1)", "hypot(b, 1)", "hypot(1, 2, 3)");
    }

    @Case
    public static void piAndE(CaseContext ctx) {
        show(ctx, table(ctx), pi(), e(), pi().multiply(2), e().plus(col("i")));
        showExpr(ctx, table(ctx), "pi()", "e()", "PI()", "E()", "pi() * 2", "e() + i", "pi(1)", "e(1)", "pi",
                "e");
    }
}
