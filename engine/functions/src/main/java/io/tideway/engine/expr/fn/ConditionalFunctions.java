package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.CommonType;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.NullCheck;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.ANY;
import static io.tideway.engine.expr.fn.InputType.DOUBLE_OR_FLOAT;

/**
 * Spark's conditional and null functions: if, coalesce, nvl/ifnull, nvl2, nullif, nullifzero,
 * zeroifnull, isnull/isnotnull, isnan, nanvl, greatest/least, equal_null ({@code <=>}). Each
 * evaluates only the arguments Spark would ({@code customCode}). CASE WHEN and IN are
 * {@link io.tideway.engine.expr.CaseWhen} and {@link io.tideway.engine.expr.In}.
 */
final class ConditionalFunctions {
    private ConditionalFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("if").inputs(ANY, ANY, ANY)
                .coercion(call -> {
                    List<Expression> a = call.children();
                    Expression cond = booleanCondition(call, a.get(0));
                    List<Expression> values = common(a.subList(1, 3), true, call.sql(), "if", false);
                    return List.of(cond, values.get(0), values.get(1));
                })
                .returns(types -> CommonType.of(types.subList(1, 3), true))
                .nullable(call -> call.children().get(1).nullable() || call.children().get(2).nullable())
                .sql(call -> "(IF(" + args(call.children()) + "))")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(call.dataType());
                    CodeValue c = ctx.gen(call.children().get(0));
                    ctx.open("if (!" + c.isNull() + " && " + c.value() + " != 0L)");
                    ctx.assign(v, ctx.gen(call.children().get(1)));
                    ctx.orElse();
                    ctx.assign(v, ctx.gen(call.children().get(2)));
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(coalesceLike(FunctionSpec.named("coalesce").repeated(ANY).optional(1)));
        FunctionRegistry.add(coalesceLike(FunctionSpec.named("nvl", "ifnull").inputs(ANY, ANY)));
        FunctionRegistry.add(FunctionSpec.named("nvl2").inputs(ANY, ANY, ANY)
                .coercion(call -> {
                    List<Expression> a = call.children();
                    String asIf = "(IF((" + a.get(0).sql() + " IS NOT NULL), " + a.get(1).sql() + ", " + a.get(2).sql() + "))";
                    List<Expression> values = common(a.subList(1, 3), true, asIf, "if", false);
                    return List.of(a.get(0), values.get(0), values.get(1));
                })
                .returns(types -> CommonType.of(types.subList(1, 3), true))
                .nullable(call -> call.children().get(1).nullable() || call.children().get(2).nullable())
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(call.dataType());
                    CodeValue c = ctx.gen(call.children().get(0));
                    ctx.open("if (!" + c.isNull() + ")");
                    ctx.assign(v, ctx.gen(call.children().get(1)));
                    ctx.orElse();
                    ctx.assign(v, ctx.gen(call.children().get(2)));
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("nullif").inputs(ANY, ANY)
                .coercion(call -> {
                    Expression a = call.children().get(0);
                    Expression b = call.children().get(1);
                    DataType t = CommonType.of(a.dataType(), b.dataType(), true);
                    if (t == null) {
                        throw binaryDiffTypes("(commonexpressionref() = " + b.sql() + ")", a.dataType(), b.dataType(), call);
                    }
                    return List.of(a, TypeCoercion.castIfNeeded(b, t));
                })
                .returns(types -> types.get(0))
                .nullable(call -> true)
                .customCode((ctx, call) -> nullIf(ctx, call, call.children().get(1))));
        FunctionRegistry.add(FunctionSpec.named("nullifzero").inputs(ANY)
                .returns(types -> types.get(0))
                .nullable(call -> true)
                .customCode((ctx, call) -> nullIf(ctx, call, null)));
        FunctionRegistry.add(FunctionSpec.named("zeroifnull").inputs(ANY)
                .coercion(call -> {
                    Expression a = call.children().get(0);
                    return List.of(TypeCoercion.castIfNeeded(a, withZero(call, a.dataType())));
                })
                .returns(types -> types.get(0) == DataTypes.NullType ? DataTypes.IntegerType : types.get(0))
                .nullable(call -> false)
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(call.dataType());
                    CodeValue a = ctx.gen(call.children().get(0));
                    ctx.line(v.isNull() + " = false;");
                    ctx.set(v, a.isNull() + " ? " + (v.kind() == CodeValue.Kind.DOUBLE ? "0.0" : "0L") + " : " + a.value());
                    return v;
                }));
        FunctionRegistry.add("isnull", 1, 1, (name, a) -> new NullCheck(a.get(0), false));
        FunctionRegistry.add("isnotnull", 1, 1, (name, a) -> new NullCheck(a.get(0), true));
        FunctionRegistry.add(FunctionSpec.named("isnan").inputs(DOUBLE_OR_FLOAT).returns(DataTypes.BooleanType)
                .nullable(call -> false)
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.BooleanType);
                    CodeValue a = ctx.gen(call.children().get(0));
                    ctx.line(v.isNull() + " = false; " + v.value() + " = !" + a.isNull() + " && Double.isNaN(" + a.value()
                            + ") ? 1L : 0L;");
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("nanvl").inputs(DOUBLE_OR_FLOAT, DOUBLE_OR_FLOAT)
                .returns(types -> types.get(0) == DataTypes.FloatType && types.get(1) == DataTypes.FloatType
                        ? DataTypes.FloatType : DataTypes.DoubleType)
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(call.dataType());
                    CodeValue a = ctx.gen(call.children().get(0));
                    ctx.open("if (!" + a.isNull() + " && Double.isNaN(" + a.value() + "))");
                    ctx.assign(v, ctx.gen(call.children().get(1)));
                    ctx.orElse();
                    ctx.assign(v, a);
                    ctx.close();
                    return v;
                }));
        FunctionRegistry.add(extremum("greatest", 1));
        FunctionRegistry.add(extremum("least", -1));
        FunctionRegistry.add(FunctionSpec.named("between").inputs(ANY, ANY, ANY)
                .coercion(call -> {
                    List<Expression> a = call.children();
                    return List.of(a.get(0), bound(call, a.get(0), a.get(1), ">="), bound(call, a.get(0), a.get(2), "<="));
                })
                .returns(DataTypes.BooleanType)
                .customCode(ConditionalFunctions::between));
        FunctionRegistry.add(FunctionSpec.named("equal_null", "<=>").inputs(ANY, ANY)
                .coercion(call -> {
                    Expression a = call.children().get(0);
                    Expression b = call.children().get(1);
                    DataType t = CommonType.of(a.dataType(), b.dataType(), true);
                    if (t == null) {
                        throw binaryDiffTypes("(" + a.sql() + " <=> " + b.sql() + ")", a.dataType(), b.dataType(), call);
                    }
                    return List.of(TypeCoercion.castIfNeeded(a, t), TypeCoercion.castIfNeeded(b, t));
                })
                .returns(DataTypes.BooleanType)
                .nullable(call -> false)
                .sql(call -> call.name().equals("<=>") ? "(" + call.children().get(0).sql() + " <=> "
                        + call.children().get(1).sql() + ")" : call.callSql())
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.BooleanType);
                    CodeValue a = ctx.gen(call.children().get(0));
                    CodeValue b = ctx.gen(call.children().get(1));
                    ctx.line(v.isNull() + " = false;");
                    ctx.line(v.value() + " = " + a.isNull() + " ? (" + b.isNull() + " ? 1L : 0L) : " + b.isNull() + " ? 0L : "
                            + Comparison.compareCode(a, b) + " == 0 ? 1L : 0L;");
                    return v;
                }));
    }

    /** coalesce, nvl, ifnull: the first non-null argument, the later ones run only while all before were null. */
    private static FunctionSpec coalesceLike(FunctionSpec spec) {
        return spec
                .coercion(call -> common(call.children(), true, "coalesce(" + args(call.children()) + ")", "coalesce", true))
                .returns(types -> CommonType.of(types, true))
                .nullable(call -> call.children().stream().allMatch(Expression::nullable))
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(call.dataType());
                    for (Expression a : call.children()) {
                        ctx.open("if (" + v.isNull() + ")");
                        ctx.assign(v, ctx.gen(a));
                        ctx.close();
                    }
                    return v;
                });
    }

    /** greatest ({@code sign} 1) and least (-1): nulls skipped; no string promotion; NaN is the greatest. */
    private static FunctionSpec extremum(String name, int sign) {
        return FunctionSpec.named(name).repeated(ANY).optional(2)
                .coercion(call -> common(call.children(), false, call.sql(), name, false))
                .returns(types -> CommonType.of(types, false))
                .nullable(call -> call.children().stream().allMatch(Expression::nullable))
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(call.dataType());
                    for (Expression e : call.children()) {
                        CodeValue a = ctx.gen(e);
                        ctx.open("if (!" + a.isNull() + " && (" + v.isNull() + " || " + Comparison.compareCode(a, v)
                                + (sign > 0 ? " > 0))" : " < 0))"));
                        ctx.assign(v, a);
                        ctx.close();
                    }
                    return v;
                });
    }

    /**
     * nullif(a, b) (and nullifzero(a), {@code b} null: compared with 0): null when {@code a}
     * equals {@code b} in their common type, else {@code a}; {@code b} runs only for a non-null {@code a}.
     */
    private static CodeValue nullIf(CodegenContext ctx, ScalarFunction call, Expression b) {
        CodeValue v = ctx.declare(call.dataType());
        CodeValue a = ctx.gen(call.children().get(0));
        if (v.type() == DataTypes.NullType) {
            return v;
        }
        ctx.open("if (!" + a.isNull() + ")");
        ctx.assign(v, a);
        DataType t = b == null ? withZero(call, a.type()) : b.dataType();
        CodeValue other;
        if (b == null) {
            other = ctx.declare(t);
            ctx.line(other.isNull() + " = false;");
            ctx.set(other, t == DataTypes.DoubleType ? "0.0" : "0L");
        } else {
            other = ctx.gen(b);
        }
        CodeValue left = a.type().equals(t) ? a : Cast.convert(ctx, a, t);
        ctx.line("if (!" + other.isNull() + " && " + Comparison.compareCode(left, other) + " == 0) { " + v.isNull()
                + " = true; }");
        ctx.close();
        return v;
    }

    /** A bound of SQL's BETWEEN, cast to its common type with the value. */
    private static Expression bound(ScalarFunction call, Expression value, Expression bound, String op) {
        DataType t = CommonType.of(value.dataType(), bound.dataType(), true);
        if (t == null) {
            throw binaryDiffTypes("(commonexpressionref() " + op + " " + bound.sql() + ")", value.dataType(),
                    bound.dataType(), call);
        }
        return TypeCoercion.castIfNeeded(bound, t);
    }

    /**
     * {@code v BETWEEN lo AND hi}, as Spark's {@code (v >= lo) AND (v <= hi)} with {@code v} run
     * once: {@code hi} runs unless {@code v >= lo} is false.
     */
    private static CodeValue between(CodegenContext ctx, ScalarFunction call) {
        CodeValue v = ctx.declare(DataTypes.BooleanType);
        CodeValue x = ctx.gen(call.children().get(0));
        ctx.open("if (!" + x.isNull() + ")");
        CodeValue lo = ctx.gen(call.children().get(1));
        CodeValue xl = x.type().equals(lo.type()) || lo.type() == DataTypes.NullType ? x : Cast.convert(ctx, x, lo.type());
        String ge = ctx.fresh("ge");
        ctx.line("boolean " + ge + " = " + lo.isNull() + " || " + Comparison.compareCode(xl, lo) + " >= 0;");
        ctx.open("if (" + ge + ")");
        CodeValue hi = ctx.gen(call.children().get(2));
        CodeValue xh = x.type().equals(hi.type()) || hi.type() == DataTypes.NullType ? x : Cast.convert(ctx, x, hi.type());
        ctx.line("boolean " + "le" + ge + " = " + hi.isNull() + " || " + Comparison.compareCode(xh, hi) + " <= 0;");
        ctx.line("if (!le" + ge + ") { " + v.isNull() + " = false; " + v.value() + " = 0L; } else if (" + lo.isNull()
                + " || " + hi.isNull() + ") { " + v.isNull() + " = true; } else { " + v.isNull() + " = false; "
                + v.value() + " = 1L; }");
        ctx.orElse();
        ctx.line(v.isNull() + " = false; " + v.value() + " = 0L;");
        ctx.close();
        ctx.close();
        return v;
    }

    /** The common type of {@code t} and INT (the zero of nullifzero/zeroifnull). */
    private static DataType withZero(ScalarFunction call, DataType t) {
        DataType common = CommonType.of(t, DataTypes.IntegerType, true);
        if (common == null) {
            throw binaryDiffTypes("(" + call.children().get(0).sql() + " = 0)", t, DataTypes.IntegerType, call);
        }
        return common;
    }

    /** A condition: BOOLEAN, or NULL taken as a BOOLEAN; else {@code UNEXPECTED_INPUT_TYPE}. */
    private static Expression booleanCondition(ScalarFunction call, Expression c) {
        if (c.dataType() == DataTypes.NullType) {
            return TypeCoercion.castIfNeeded(c, DataTypes.BooleanType);
        }
        if (c.dataType() != DataTypes.BooleanType) {
            throw call.unexpectedType(0, InputType.BOOLEAN, c.dataType());
        }
        return c;
    }

    /** {@code exprs} cast to their common type, or Spark's {@code DATA_DIFF_TYPES} naming {@code sqlExpr} and {@code function}. */
    static List<Expression> common(List<Expression> exprs, boolean stringPromotion, String sqlExpr, String function,
                                   boolean orForm) {
        List<DataType> types = CommonType.typesOf(exprs);
        DataType t = CommonType.of(types, stringPromotion);
        if (t == null) {
            throw CommonType.dataDiffTypes(sqlExpr, function, types, orForm, io.tideway.engine.expr.CurrentOrigin.get());
        }
        return CommonType.castAll(exprs, t);
    }

    static RuntimeException binaryDiffTypes(String sqlExpr, DataType a, DataType b, ScalarFunction call) {
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", Map.of("sqlExpr",
                ErrorParams.expr(sqlExpr), "left", ErrorParams.type(a), "right", ErrorParams.type(b)), call.sqlOrigin()));
    }

    static String args(List<Expression> exprs) {
        List<String> s = new ArrayList<>(exprs.size());
        for (Expression e : exprs) {
            s.add(e.sql());
        }
        return String.join(", ", s);
    }
}
