package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Foldable;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's xpath functions: {@code xpath} (an array of strings), {@code xpath_string},
 * {@code xpath_boolean} and the numbers {@code xpath_short/int/long/float/double} (alias
 * {@code xpath_number}), evaluated by one {@link XPathEvaluator} per call site. The path must be
 * foldable; both arguments are strings taken as they are (Spark's {@code ExpectsInputTypes}).
 * Every call is nullable: an empty document or path gives null. Registered once, immutable after.
 */
final class XPathFunctions {
    private static final String XP = XPathEvaluator.class.getName();

    private XPathFunctions() {
    }

    static void register() {
        FunctionRegistry.add(spec("xpath").returns(DataTypes.createArrayType(DataTypes.StringType, false))
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, evaluator(ctx) + ".list(" + CodegenContext.args(a) + ", " + o + ")", o);
                }));
        FunctionRegistry.add(spec("xpath_string").returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> {
                    String scratch = ctx.scratch();
                    ctx.set(out, evaluator(ctx) + ".string(" + CodegenContext.args(a) + ", " + scratch + ")", scratch);
                }));
        FunctionRegistry.add(spec("xpath_boolean").returns(DataTypes.BooleanType)
                .code((ctx, call, out, a) -> primitive(ctx, out, a, ".bool(", ") ? 1L : 0L")));
        FunctionRegistry.add(number("xpath_short", DataTypes.ShortType, "(long) (short) (int) "));
        FunctionRegistry.add(number("xpath_int", DataTypes.IntegerType, "(long) (int) "));
        FunctionRegistry.add(number("xpath_long", DataTypes.LongType, "(long) "));
        FunctionRegistry.add(number("xpath_float", DataTypes.FloatType, "(double) (float) "));
        FunctionRegistry.add(number("xpath_double", DataTypes.DoubleType, "", "xpath_number"));
    }

    private static FunctionSpec spec(String name, String... aliases) {
        return FunctionSpec.named(name, aliases).inputs(STRING, STRING).strict().nullable(call -> true)
                .coercion(XPathFunctions::coerce);
    }

    /** The xpath_ numbers: Spark's {@code Double.xxxValue()} of the path as a number, NaN giving 0 for the integers. */
    private static FunctionSpec number(String name, DataType type, String convert, String... aliases) {
        return spec(name, aliases).returns(type)
                .code((ctx, call, out, a) -> primitive(ctx, out, a, ".number(", ")", convert));
    }

    private static void primitive(CodegenContext ctx, CodeValue out, CodeValue[] a, String method, String suffix) {
        primitive(ctx, out, a, method, suffix, "");
    }

    private static void primitive(CodegenContext ctx, CodeValue out, CodeValue[] a, String method, String suffix,
                                  String convert) {
        ctx.line(out.isNull() + " = " + XP + ".isNull(" + a[0].length() + ", " + a[1].length() + ");");
        ctx.set(out, convert + evaluator(ctx) + method + CodegenContext.args(a) + suffix);
    }

    private static String evaluator(CodegenContext ctx) {
        return ctx.constant(new XPathEvaluator(), XP);
    }

    /** Spark checks the path is foldable first, then that both arguments are strings (a NULL is cast). */
    private static List<Expression> coerce(ScalarFunction call) {
        Expression path = call.children().get(1);
        if (!Foldable.of(path)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", Map.of("sqlExpr",
                    ErrorParams.expr(call.sql()), "inputName", "`path`", "inputType", "\"STRING\"",
                    "inputExpr", ErrorParams.expr(path.sql())), call.sqlOrigin()));
        }
        List<Expression> args = new java.util.ArrayList<>(call.children());
        for (int i = 0; i < args.size(); i++) {
            DataType t = args.get(i).dataType();
            if (t == DataTypes.NullType) {
                args.set(i, TypeCoercion.castIfNeeded(args.get(i), DataTypes.StringType));
            } else if (!STRING.accepts(t)) {
                throw call.unexpectedType(i, STRING, t);
            }
        }
        return args;
    }
}
