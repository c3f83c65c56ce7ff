package io.tideway.engine.expr.fn;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.INT;
import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's regexp_replace, regexp_extract, regexp_extract_all, regexp_substr, regexp_count and regexp_instr; their
 * implementations are in {@link RegexpKernels}. (rlike and its aliases are {@link PredicateFunctions}.)
 */
final class RegexpFunctions {
    private static final String K = RegexpKernels.class.getName() + ".";

    private RegexpFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("regexp_replace").inputs(STRING, STRING, STRING, INT).optional(3)
                .coercion(call -> {
                    List<Expression> a = defaulted(call, 4, Literal.of(1));
                    if (a.get(3) instanceof Literal l && l.value() instanceof Integer pos && pos <= 0) {
                        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", Map.of("sqlExpr",
                                io.tideway.engine.error.ErrorParams.expr(call.callSql()), "exprName", "position",
                                "valueRange", "(0, 2147483647]", "currentValue", String.valueOf(pos)), call.sqlOrigin()));
                    }
                    return a;
                })
                .returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "replace(" + pattern(ctx, call, a[1], "regexp_replace") + ", "
                        + CodegenContext.args(a[0], a[2]) + ", " + a[3].value())));
        FunctionRegistry.add(FunctionSpec.named("regexp_extract").inputs(STRING, STRING, INT).optional(2)
                .coercion(call -> defaulted(call, 3, Literal.of(1)))
                .returns(DataTypes.StringType)
                .code((ctx, call, out, a) -> bytes(ctx, out, "extract(" + pattern(ctx, call, a[1], "regexp_extract") + ", "
                        + CodegenContext.args(a[0]) + ", " + a[2].value())));
        FunctionRegistry.add(FunctionSpec.named("regexp_extract_all").inputs(STRING, STRING, INT).optional(2)
                .coercion(call -> defaulted(call, 3, Literal.of(1)))
                .returns(DataTypes.createArrayType(DataTypes.StringType, true))
                .code((ctx, call, out, a) -> {
                    String o = CollectionCode.out(ctx);
                    ctx.set(out, K + "extractAll(" + pattern(ctx, call, a[1], "regexp_extract_all") + ", "
                            + CodegenContext.args(a[0]) + ", " + a[2].value() + ", " + o + ")", o);
                }));
        FunctionRegistry.add(FunctionSpec.named("regexp_substr").inputs(STRING, STRING).returns(DataTypes.StringType)
                .nullable(call -> true)
                .code((ctx, call, out, a) -> bytes(ctx, out, "substr(" + pattern(ctx, call, a[1], "regexp_substr") + ", "
                        + CodegenContext.args(a[0]))));
        FunctionRegistry.add(FunctionSpec.named("regexp_count").inputs(STRING, STRING).returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "count(" + pattern(ctx, call, a[1], "regexp_extract_all") + ", "
                        + CodegenContext.args(a[0]) + ")")));
        FunctionRegistry.add(FunctionSpec.named("regexp_instr").inputs(STRING, STRING, INT).optional(2)
                .coercion(call -> defaulted(call, 3, Literal.of(0)))
                .returns(DataTypes.IntegerType)
                .code((ctx, call, out, a) -> ctx.set(out, K + "instr(" + pattern(ctx, call, a[1], "regexp_instr") + ", "
                        + CodegenContext.args(a[0]) + ", " + a[2].value() + ")")));
    }

    /** The Java expression of the compiled pattern: a field for a literal, else the call site's cache. */
    static String pattern(CodegenContext ctx, ScalarFunction call, CodeValue p, String function) {
        String literal = PredicateFunctions.literalPattern(ctx, call.children().get(1), -1, false, function);
        if (literal != null) {
            return literal;
        }
        String cache = ctx.constant(new PredicateKernels.PatternCache(), PredicateKernels.PatternCache.class.getName());
        return cache + ".get(" + CodegenContext.args(p) + ", -1, \"" + function + "\")";
    }

    /** The arguments with the default of the last appended, each cast as the spec takes it. */
    private static List<Expression> defaulted(ScalarFunction call, int n, Expression value) {
        List<Expression> a = new ArrayList<>(call.children());
        if (a.size() < n) {
            a.add(value);
        }
        for (int i = 0; i < a.size(); i++) {
            a.set(i, StringFunctions.castTo(call, i, a.get(i), call.spec().input(i)));
        }
        return a;
    }

    private static void bytes(CodegenContext ctx, CodeValue out, String call) {
        String scratch = ctx.scratch();
        ctx.set(out, K + call + ", " + scratch + ")", scratch);
    }
}
