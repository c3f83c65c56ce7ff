package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.BinaryArithmetic;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.DecimalKernels;
import io.tideway.engine.expr.DecimalPrecision;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Foldable;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.SqlArithmetic;
import io.tideway.engine.expr.UnaryMinus;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.DOUBLE;
import static io.tideway.engine.expr.fn.InputType.INT;
import static io.tideway.engine.expr.fn.InputType.LONG;
import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's math functions: abs, negative/negate, positive, signum/sign, round/bround, ceil/ceiling/floor,
 * rint, roots, exponentials and logarithms, pow/power, trigonometric and hyperbolic functions,
 * atan2, hypot, degrees/radians, pi, e, pmod, div, bin, conv, factorial, rand/randn/random,
 * uniform, width_bucket and try_add/try_subtract/try_multiply/try_divide/try_mod. A function
 * Spark names in capitals ({@code SQRT(d)}) keeps that name when called by its own name and the
 * alias's when called by an alias ({@code sign}, {@code pow}, {@code ceiling}). Implementations
 * in {@link MathKernels}.
 */
final class MathFunctions {
    private static final String K = MathKernels.class.getName() + ".";
    /** abs's argument: a number; a string or NULL becomes a DOUBLE. */
    private static final InputType ABS_INPUT = new InputType("(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\")",
            t -> InputType.NUMERIC_ANY.accepts(t) || IntervalFunctions.isAnsiInterval(t), InputType.NUMERIC_ANY::implicitCast);
    private static final InputType POSITIVE_INPUT = numeric(
            "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")");
    /** Spark's {@code TypeCollection(DoubleType, YearMonthIntervalType, DayTimeIntervalType)} (signum, width_bucket). */
    private static final InputType DOUBLE_OR_INTERVAL = doubleNamed("(\"DOUBLE\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")");
    /** ceil/floor's {@code TypeCollection(DoubleType, DecimalType, LongType)}: a BIGINT stays, other numbers become a DOUBLE. */
    private static final InputType CEIL_INPUT = new InputType("(\"DOUBLE\" or \"DECIMAL\" or \"BIGINT\")",
            t -> t == DataTypes.DoubleType || t == DataTypes.LongType || t instanceof DecimalType, DOUBLE::implicitCast);
    /** ceil/floor with a scale: Spark's {@code RoundCeil/RoundFloor} round a decimal; a double is decimal(30,15), an integral its own. */
    private static final InputType CEIL_DECIMAL = new InputType("(\"DOUBLE\" or \"DECIMAL\" or \"BIGINT\")",
            t -> t instanceof DecimalType, from -> from == DataTypes.DoubleType ? new DecimalType(30, 15)
                    : DecimalPrecision.forIntegral(from));
    /** A random seed: an INT or BIGINT as it is (a NULL is the seed 0). */
    static final InputType SEED = InputType.nullOnly("(\"INT\" or \"BIGINT\")",
            t -> t == DataTypes.IntegerType || t == DataTypes.LongType, DataTypes.IntegerType);
    /** uniform's bounds: numbers taken as they are. */
    private static final InputType NUMBER_AS_IS = InputType.nullOnly("\"NUMERIC\"", DataType::isNumeric, DataTypes.IntegerType);

    private MathFunctions() {
    }

    static void register() {
        constant("pi", "PI", "Math.PI");
        constant("e", "E", "Math.E");
        unary("sqrt", "Math.sqrt(%s)");
        unary("cbrt", "Math.cbrt(%s)");
        unary("exp", "StrictMath.exp(%s)");
        unary("expm1", "StrictMath.expm1(%s)");
        for (String f : new String[] {"sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh"}) {
            unary(f, "Math." + f + "(%s)");
        }
        unary("asinh", K + "asinh(%s)");
        unary("acosh", K + "acosh(%s)");
        unary("atanh", "0.5 * (StrictMath.log1p(%1$s) - StrictMath.log1p(-%1$s))");
        unary("cot", "1.0 / Math.tan(%s)");
        unary("sec", "1.0 / Math.cos(%s)");
        unary("csc", "1.0 / Math.sin(%s)");
        unary("degrees", "Math.toDegrees(%s)");
        unary("radians", "Math.toRadians(%s)");
        FunctionRegistry.add(unarySpec("rint", "rint", DOUBLE, "Math.rint(%s)"));
        FunctionRegistry.add(unarySpec("signum", "SIGNUM", DOUBLE_OR_INTERVAL, "Math.signum(%s)", "sign"));
        logarithm("ln", "ln", 0.0, "StrictMath.log(%s)");
        logarithm("log10", "LOG10", 0.0, "StrictMath.log10(%s)");
        logarithm("log2", "LOG2", 0.0, "StrictMath.log(%s) / StrictMath.log(2)");
        logarithm("log1p", "LOG1P", -1.0, "StrictMath.log1p(%s)");
        FunctionRegistry.add("log", 1, 2, (name, a) -> new ScalarFunction(LOG, name,
                a.size() == 1 ? List.of(FunctionRegistry.call("e"), a.get(0)) : a));
        binary("power", "POWER", "StrictMath.pow(%s, %s)", "pow");
        binary("atan2", "ATAN2", "Math.atan2(%s + 0.0, %s + 0.0)"); // Spark adds 0.0: atan2(-0.0, -1) is pi
        binary("hypot", "HYPOT", "Math.hypot(%s, %s)");
        FunctionRegistry.add(FunctionSpec.named("abs").inputs(ABS_INPUT).returns(types -> types.get(0))
                .code((ctx, call, out, a) -> ctx.set(out, a[0].kind() == CodeValue.Kind.DECIMAL ? a[0].value() + ".abs()"
                        : a[0].kind() == CodeValue.Kind.DOUBLE ? "Math.abs(" + a[0].value() + ")"
                        : a[0].type() == DataTypes.ByteType || a[0].type() == DataTypes.ShortType
                        ? "(" + a[0].value() + " < 0L ? " + SqlArithmetic.class.getName() + ".negateSmall(" + a[0].value() + ", "
                                + (a[0].type() == DataTypes.ByteType ? 8 : 16) + ", " + ctx.ansi() + ") : " + a[0].value() + ")"
                        : K + "abs(" + a[0].value() + ", " + (a[0].type() == DataTypes.IntegerType
                                || a[0].type() instanceof io.tideway.sql.types.YearMonthIntervalType) + ", " + ctx.ansi() + ")")));
        FunctionRegistry.add("negative", 1, 1, (name, a) -> new UnaryMinus(a.get(0), "negative"));
        FunctionRegistry.add(FunctionSpec.named("positive").inputs(POSITIVE_INPUT).returns(types -> types.get(0))
                .sql(call -> "(+ " + call.children().get(0).sql() + ")")
                .code((ctx, call, out, a) -> ctx.set(out, a[0].value())));
        FunctionRegistry.add(round("round", false));
        FunctionRegistry.add(round("bround", true));
        ceilOrFloor("ceil", "CEIL", true);
        ceilOrFloor("ceiling", "ceiling", true);
        ceilOrFloor("floor", "FLOOR", false);
        FunctionRegistry.add("pmod", 2, 2, (name, a) -> new BinaryArithmetic(BinaryArithmetic.Op.PMOD, a.get(0), a.get(1)));
        FunctionRegistry.add("div", 2, 2, (name, a) -> new BinaryArithmetic(BinaryArithmetic.Op.DIV, a.get(0), a.get(1)));
        tryArithmetic("try_add", BinaryArithmetic.Op.ADD);
        tryArithmetic("try_subtract", BinaryArithmetic.Op.SUBTRACT);
        tryArithmetic("try_multiply", BinaryArithmetic.Op.MULTIPLY);
        tryArithmetic("try_divide", BinaryArithmetic.Op.DIVIDE);
        tryArithmetic("try_mod", BinaryArithmetic.Op.REMAINDER);
        FunctionRegistry.add(FunctionSpec.named("bin").inputs(LONG).returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "bin(" + a[0].value())));
        FunctionRegistry.add(FunctionSpec.named("conv").inputs(STRING, INT, INT).returns(DataTypes.StringType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> bytes(ctx, out, "conv(" + CodegenContext.args(a[0], a[1], a[2]) + ", " + ctx.ansi())));
        FunctionRegistry.add(FunctionSpec.named("factorial").inputs(INT).returns(DataTypes.LongType).nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    ctx.set(out, K + "factorial(" + a[0].value() + ")");
                    ctx.line(out.isNull() + " = " + out.value() + " < 0L;");
                }));
        FunctionRegistry.add(FunctionSpec.named("width_bucket").inputs(DOUBLE_OR_INTERVAL, DOUBLE_OR_INTERVAL, DOUBLE_OR_INTERVAL, LONG)
                .returns(DataTypes.LongType).nullable(call -> true)
                .code((ctx, call, out, a) -> {
                    ctx.set(out, K + "widthBucket(" + CodegenContext.args(a) + ")");
                    ctx.line(out.isNull() + " = " + out.value() + " == Long.MIN_VALUE;");
                }));
        random("rand", "nextDouble");
        random("random", "nextDouble");
        random("randn", "nextGaussian");
        FunctionRegistry.add("uniform", 2, 3, (name, a) -> {
            List<Expression> args = new ArrayList<>(a);
            boolean hidden = args.size() == 2;
            if (hidden) {
                args.add(Literal.of(new java.util.Random().nextLong()));
            }
            return new ScalarFunction(hidden ? UNIFORM_HIDDEN_SEED : UNIFORM, name, args);
        });
    }

    private static final FunctionSpec LOG = FunctionSpec.named("log").inputs(DOUBLE, DOUBLE).returns(DataTypes.DoubleType)
            .nullable(call -> true)
            .sql(call -> "LOG(" + ConditionalFunctions.args(call.children()) + ")")
            .code((ctx, call, out, a) -> {
                if (isEuler(call.children().get(0))) {
                    ctx.line(out.isNull() + " = " + a[1].value() + " <= 0.0;");
                    ctx.set(out, "StrictMath.log(" + a[1].value() + ")");
                } else {
                    ctx.line(out.isNull() + " = " + a[0].value() + " <= 0.0 || " + a[1].value() + " <= 0.0;");
                    ctx.set(out, "StrictMath.log(" + a[1].value() + ") / StrictMath.log(" + a[0].value() + ")");
                }
            }).check();
    private static final FunctionSpec UNIFORM = uniform(false).check();
    private static final FunctionSpec UNIFORM_HIDDEN_SEED = uniform(true).check();

    private static boolean isEuler(Expression e) {
        return e instanceof ScalarFunction f && f.name().equals("e") && f.children().isEmpty();
    }

    private static void constant(String name, String shown, String value) {
        FunctionRegistry.add(FunctionSpec.named(name).returns(DataTypes.DoubleType).nullable(call -> false)
                .sql(call -> shown + "()")
                .code((ctx, call, out, a) -> ctx.set(out, value)));
    }

    /** A function of one DOUBLE that Spark names in capitals; always nullable, as Spark's UnaryMathExpression. */
    private static void unary(String name, String template) {
        FunctionRegistry.add(unarySpec(name, name.toUpperCase(Locale.ROOT), DOUBLE, template));
    }

    private static FunctionSpec unarySpec(String name, String shown, InputType input, String template, String... aliases) {
        return FunctionSpec.named(name, aliases).inputs(input).returns(DataTypes.DoubleType).nullable(call -> true)
                .sql(call -> named(call, name, shown))
                .code((ctx, call, out, a) -> ctx.set(out, String.format(template, a[0].value())));
    }

    /** The call as Spark names it: {@code shown(args)} by its own name, {@code alias(args)} by an alias. */
    private static String named(ScalarFunction call, String name, String shown) {
        return (call.name().equals(name) ? shown : call.name()) + "(" + ConditionalFunctions.args(call.children()) + ")";
    }

    /** A logarithm: null at and below {@code asymptote} (NaN stays NaN), as Hive and Spark. */
    private static void logarithm(String name, String shown, double asymptote, String template) {
        FunctionRegistry.add(FunctionSpec.named(name).inputs(DOUBLE).returns(DataTypes.DoubleType).nullable(call -> true)
                .sql(call -> named(call, name, shown))
                .code((ctx, call, out, a) -> {
                    ctx.line(out.isNull() + " = " + a[0].value() + " <= " + asymptote + ";");
                    ctx.set(out, String.format(template, a[0].value()));
                }));
    }

    /** A function of two DOUBLEs (null only for a null argument). */
    private static void binary(String name, String shown, String template, String... aliases) {
        FunctionRegistry.add(FunctionSpec.named(name, aliases).inputs(DOUBLE, DOUBLE).returns(DataTypes.DoubleType)
                .sql(call -> named(call, name, shown))
                .code((ctx, call, out, a) -> ctx.set(out, String.format(template, a[0].value(), a[1].value()))));
    }

    /**
     * round (half-up) and bround (half-even) at a scale that must be foldable (default 0); the scale
     * runs first, and a null scale gives null without running the value, as in Spark.
     */
    private static FunctionSpec round(String name, boolean halfEven) {
        return FunctionSpec.named(name).inputs(InputType.NUMERIC_ANY, INT).defaults(0)
                .coercion(call -> {
                    List<Expression> a = List.of(StringFunctions.castTo(call, 0, call.children().get(0), InputType.NUMERIC_ANY),
                            StringFunctions.castTo(call, 1, call.children().get(1), INT));
                    if (!Foldable.of(a.get(1))) {
                        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", Map.of("sqlExpr",
                                ErrorParams.expr(call.sql()), "inputName", "`scale`", "inputType", "\"INT\"", "inputExpr",
                                ErrorParams.expr(call.children().get(1).sql())), call.sqlOrigin()));
                    }
                    return a;
                })
                .returnsFromArgs(a -> a.get(0).dataType() instanceof DecimalType d ? roundedType(d, scaleOf(a.get(1)))
                        : a.get(0).dataType())
                .nullable(call -> true)
                .customCode((ctx, call) -> ctx.nullSafe(call.dataType(), List.of(call.children().get(1), call.children().get(0)),
                        (out, a) -> {
                            CodeValue v = a[1];
                            String scale = a[0].value();
                            DataType t = v.type();
                            if (v.kind() == CodeValue.Kind.DECIMAL) {
                                roundDecimal(ctx, out, v, scale, halfEven ? "HALF_EVEN" : "HALF_UP");
                            } else if (t == DataTypes.FloatType) {
                                ctx.set(out, K + "roundFloat(" + v.value() + ", " + scale + ", " + halfEven + ")");
                            } else if (t == DataTypes.ByteType || t == DataTypes.ShortType) {
                                ctx.set(out, K + "roundSmall(" + v.value() + ", " + scale + ", " + halfEven + ", "
                                        + (t == DataTypes.ByteType ? 8 : 16) + ", " + ctx.ansi() + ")");
                            } else if (v.kind() == CodeValue.Kind.DOUBLE) {
                                ctx.set(out, K + "round(" + v.value() + ", " + scale + ", " + halfEven + ")");
                            } else {
                                ctx.set(out, K + "roundIntegral(" + v.value() + ", " + scale + ", " + halfEven + ", "
                                        + (v.type() == DataTypes.IntegerType) + ", " + ctx.ansi() + ")");
                            }
                        }));
    }

    /**
     * Spark's {@code RoundBase.dataType} for a decimal: one more integral digit for a carry, the
     * scale no larger than the argument's (0 for a negative scale), at most 38 digits.
     */
    private static DecimalType roundedType(DecimalType d, int scale) {
        int integral = d.precision() - d.scale() + 1;
        if (scale < 0) {
            return new DecimalType(Math.min(Math.max(integral, -scale + 1), DecimalType.MAX_PRECISION), 0);
        }
        int s = Math.min(d.scale(), scale);
        return new DecimalType(Math.min(integral + s, DecimalType.MAX_PRECISION), s);
    }

    /** The value of a foldable INT scale (a literal once coerced); 0 if it is null. */
    private static int scaleOf(Expression e) {
        Expression x = e instanceof io.tideway.engine.expr.Cast c ? c.child() : e;
        return x instanceof Literal l && l.value() instanceof Number n ? n.intValue() : 0;
    }

    /** A decimal rounded at {@code scale} with {@code mode}, then brought to the result type (out of range: null or, with ANSI, an error). */
    private static void roundDecimal(CodegenContext ctx, CodeValue out, CodeValue v, String scale, String mode) {
        DecimalType t = (DecimalType) out.type();
        ctx.set(out, DecimalKernels.class.getName() + ".round(" + v.value() + ", (int) " + scale + ", java.math.RoundingMode."
                + mode + ", " + t.precision() + ", " + t.scale() + ", " + ctx.ansi() + ")");
        ctx.line(out.isNull() + " = " + out.value() + " == null;");
    }

    /**
     * ceil, ceiling and floor: of one argument a BIGINT; with a scale (a foldable INT), the value
     * rounded up or down at that many decimals (Spark's result is a DECIMAL, which Tideway lacks: a
     * DOUBLE here, #14). Spark counts the arguments as "2" either way.
     */
    private static void ceilOrFloor(String name, String shown, boolean ceiling) {
        String mode = ceiling ? "CEILING" : "FLOOR";
        FunctionSpec one = FunctionSpec.named(name).inputs(CEIL_INPUT)
                .returns(types -> types.get(0) instanceof DecimalType d
                        ? (d.scale() == 0 ? d : DecimalType.bounded(d.precision() - d.scale() + 1, 0)) : DataTypes.LongType)
                .nullable(call -> true)
                .sql(call -> shown + "(" + call.children().get(0).sql() + ")")
                .code((ctx, call, out, a) -> {
                    if (a[0].kind() == CodeValue.Kind.DECIMAL) {
                        roundDecimal(ctx, out, a[0], "0", mode);
                    } else {
                        ctx.set(out, a[0].kind() == CodeValue.Kind.LONG ? a[0].value()
                                : "(long) Math." + (ceiling ? "ceil(" : "floor(") + a[0].value() + ")");
                    }
                }).check();
        FunctionSpec two = FunctionSpec.named(name).inputs(CEIL_DECIMAL, INT)
                .returnsFromArgs(a -> roundedType((DecimalType) a.get(0).dataType(), scaleOf(a.get(1))))
                .nullable(call -> true)
                .code((ctx, call, out, a) -> roundDecimal(ctx, out, a[0], a[1].value(), mode))
                .check();
        FunctionRegistry.add(name, 0, -1, (n, a) -> {
            if (a.size() == 1) {
                return new ScalarFunction(one, n, a);
            }
            if (a.size() != 2) {
                throw FunctionRegistry.wrongArgCount(n, "2", a.size());
            }
            Expression scale = a.get(1);
            if (!(scale instanceof Literal l && l.value() instanceof Integer)) {
                throw Unchecked.raise(new AnalysisException("NON_FOLDABLE_ARGUMENT", Map.of("funcName", ErrorParams.id(n),
                        "paramName", "`scale`", "paramType", "\"INT\""), CurrentOrigin.get()));
            }
            return new ScalarFunction(two, n, a);
        });
    }

    /** try_add and the others: the operator in try mode (a {@link TryEval} over a string or date), named {@code try_add(a, b)}. */
    private static void tryArithmetic(String name, BinaryArithmetic.Op op) {
        FunctionRegistry.add(name, 2, 2, (n, a) -> new RuntimeReplaceable(n, a,
                new BinaryArithmetic(op, a.get(0), a.get(1)).inTryMode()));
    }

    /**
     * rand/random (uniform in [0, 1)) and randn (standard normal): Spark's XORShiftRandom from a
     * foldable seed (NULL is 0; none, a random one the name hides), one generator per call site and
     * task, seeded as Spark's {@code Rand.initialize}: the seed plus the task's partition index.
     */
    private static void random(String name, String next) {
        FunctionSpec seeded = FunctionSpec.named(name).inputs(SEED).returns(DataTypes.DoubleType).nullable(call -> false)
                .strict()
                .coercion(call -> {
                    Expression seed = StringFunctions.castTo(call, 0, call.children().get(0), SEED);
                    if (!Foldable.of(seed)) {
                        throw Unchecked.raise(new AnalysisException("SEED_EXPRESSION_IS_UNFOLDABLE", Map.of("seedExpr",
                                ErrorParams.expr(seed.sql()), "exprWithSeed", ErrorParams.expr(call.sql())), call.sqlOrigin()));
                    }
                    return List.of(seed);
                })
                .sql(call -> (name.equals("randn") ? "randn(" : "rand(") + call.children().get(0).sql() + ")")
                .customCode((ctx, call) -> randomCode(ctx, constantLong(ctx, call.children().get(0)), next)).check();
        FunctionSpec unseeded = FunctionSpec.named(name).returns(DataTypes.DoubleType).nullable(call -> false)
                .sql(call -> (name.equals("randn") ? "randn()" : "rand()"))
                .customCode((ctx, call) -> randomCode(ctx, new java.util.Random().nextLong(), next)).check();
        FunctionRegistry.add(name, 0, 1, (n, a) -> new ScalarFunction(a.isEmpty() ? unseeded : seeded, n, a));
    }

    private static CodeValue randomCode(CodegenContext ctx, long seed, String next) {
        CodeValue v = ctx.declare(DataTypes.DoubleType);
        String rng = ctx.constant(partitionRandom(ctx, seed), XorShiftRandom.class.getName());
        ctx.line(v.isNull() + " = false;");
        ctx.set(v, rng + "." + next + "()");
        return v;
    }

    /**
     * The generator of one call site in the task evaluating partition {@code p}: Spark's
     * {@code XORShiftRandom(seed + p)}; a streaming query's seed is drawn at random instead.
     */
    static XorShiftRandom partitionRandom(CodegenContext ctx, long seed) {
        long s = ctx.evalContext().randomSeeds() ? new java.util.Random().nextLong() : seed;
        return new XorShiftRandom(s + ctx.evalContext().partitionIndex());
    }

    /**
     * uniform(min, max, seed): min + (max - min) * rand(seed), as the bounds' type (BIGINT or INT
     * when both are integral, else DOUBLE); the seed must be foldable.
     */
    private static FunctionSpec uniform(boolean hiddenSeed) {
        return FunctionSpec.named("uniform").inputs(NUMBER_AS_IS, NUMBER_AS_IS, NUMBER_AS_IS)
                .coercion(call -> {
                    List<Expression> a = call.children();
                    Expression seed = a.get(2);
                    StringFunctions.castTo(call, 0, a.get(0), NUMBER_AS_IS);
                    StringFunctions.castTo(call, 1, a.get(1), NUMBER_AS_IS);
                    if (!Foldable.of(seed)) {
                        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", Map.of("sqlExpr",
                                ErrorParams.expr(call.sql()), "inputName", "`seed`", "inputType", "integer or floating-point",
                                "inputExpr", ErrorParams.expr(seed.sql())), call.sqlOrigin()));
                    }
                    return a;
                })
                .returns(types -> {
                    DataType x = types.get(0);
                    DataType y = types.get(1);
                    boolean integral = x != DataTypes.DoubleType && y != DataTypes.DoubleType;
                    if (integral && (x instanceof DecimalType || y instanceof DecimalType)) {
                        return DecimalPrecision.wider(DecimalPrecision.forIntegral(x == DataTypes.NullType ? y : x),
                                DecimalPrecision.forIntegral(y == DataTypes.NullType ? x : y));
                    }
                    return !integral ? DataTypes.DoubleType
                            : x == DataTypes.LongType || y == DataTypes.LongType ? DataTypes.LongType : DataTypes.IntegerType;
                })
                .nullable(call -> false)
                .sql(call -> hiddenSeed ? "uniform(" + ConditionalFunctions.args(call.children().subList(0, 2)) + ")" : call.callSql())
                .customCode((ctx, call) -> {
                    DataType t = call.dataType();
                    CodeValue v = ctx.declare(t);
                    CodeValue min = ctx.gen(call.children().get(0));
                    CodeValue max = ctx.gen(call.children().get(1));
                    String rng = ctx.constant(partitionRandom(ctx, constantLong(ctx, call.children().get(2))),
                            XorShiftRandom.class.getName());
                    String lo = asDouble(min);
                    String value = lo + " + (" + asDouble(max) + " - " + lo + ") * " + rng + ".nextDouble()";
                    ctx.line(v.isNull() + " = false;");
                    if (t instanceof DecimalType d) { // Spark computes a double, then casts it to the bounds' decimal
                        ctx.set(v, DecimalKernels.class.getName() + ".fromDouble(" + value + ", " + d.precision() + ", "
                                + d.scale() + ", " + ctx.ansi() + ")");
                        return v;
                    }
                    ctx.set(v, t == DataTypes.DoubleType ? value : t == DataTypes.IntegerType ? "(long) (int) (" + value + ")"
                            : "(long) (" + value + ")");
                    return v;
                });
    }

    /** The value of a foldable expression (a literal, or a cast of one) as a long; NULL is 0. */
    private static long constantLong(CodegenContext ctx, Expression e) {
        Evaluator ev = e.evaluator(ctx.evalContext());
        ev.eval(null);
        if (ev.isNull) {
            return 0L;
        }
        return e.dataType() == DataTypes.DoubleType ? (long) ev.d : ev.l;
    }


    private static void bytes(CodegenContext ctx, CodeValue out, String call) {
        String scratch = ctx.scratch();
        ctx.set(out, K + call + ", " + scratch + ")", scratch);
    }

    /** A number as it is, or a string or NULL as a DOUBLE, with Spark's wording of the expected types. */
    private static InputType numeric(String sql) {
        return InputType.named(sql, InputType.NUMERIC_ANY);
    }

    private static InputType doubleNamed(String sql) {
        return InputType.named(sql, DOUBLE);
    }

    /** A number as a Java double expression (a decimal through its {@code doubleValue}). */
    private static String asDouble(CodeValue v) {
        return v.kind() == CodeValue.Kind.DECIMAL ? v.value() + ".doubleValue()" : "(double) " + v.value();
    }
}
