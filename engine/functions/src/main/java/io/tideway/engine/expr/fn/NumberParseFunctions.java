package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Foldable;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's {@code to_number(text, format)} and {@code try_to_number}: a text read with a number
 * format ({@link NumberFormatPattern}, {@link NumberTextParser}) into a decimal whose precision and
 * scale the format gives. The format must be a constant, checked when the query is analysed
 * (Spark's {@code INVALID_FORMAT}); a null format gives DECIMAL(10,0) nulls. Registered once,
 * immutable after.
 */
final class NumberParseFunctions {
    private NumberParseFunctions() {
    }

    static void register() {
        FunctionRegistry.add(spec("to_number", true));
        FunctionRegistry.add(spec("try_to_number", false));
    }

    private static FunctionSpec spec(String name, boolean errorOnFail) {
        FunctionSpec spec = FunctionSpec.named(name).inputs(STRING, STRING)
                .coercion(call -> {
                    List<Expression> a = List.of(StringFunctions.castTo(call, 0, call.children().get(0), STRING),
                            StringFunctions.castTo(call, 1, call.children().get(1), STRING));
                    check(call, a.get(1));
                    return a;
                })
                .returnsFromArgs(a -> {
                    String format = format(a.get(1));
                    if (format == null) {
                        return DataTypes.createDecimalType(10, 0); // Spark's DecimalType.USER_DEFAULT
                    }
                    NumberFormatPattern p = new NumberFormatPattern(format);
                    return DataTypes.createDecimalType(p.precision(), p.scale());
                })
                .customCode((ctx, call) -> {
                    String format = format(call.children().get(1));
                    if (format == null) {
                        return ctx.declare(call.dataType()); // stays null
                    }
                    String parser = ctx.constant(new NumberTextParser(new NumberFormatPattern(format), errorOnFail),
                            NumberTextParser.class.getName());
                    return ctx.nullSafe(call.dataType(), List.of(call.children().get(0)), (out, v) -> {
                        ctx.set(out, parser + ".parse(" + io.tideway.engine.expr.codegen.CodegenContext.args(v[0]) + ")");
                        ctx.line(out.isNull() + " = " + out.value() + " == null;");
                    });
                });
        return errorOnFail ? spec : spec.nullable(call -> true);
    }

    /**
     * Spark's checks of a number format (to_number's, to_char's): a constant ({@code NON_FOLDABLE_INPUT}), then a
     * valid one ({@code INVALID_FORMAT}); a null format passes.
     */
    static void check(ScalarFunction call, Expression format) {
        if (!Foldable.of(format)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", Map.of("sqlExpr",
                    ErrorParams.expr(call.sql()), "inputName", ErrorParams.id(prettyName(format)), "inputType",
                    ErrorParams.type(format.dataType()), "inputExpr", ErrorParams.expr(format.sql())), call.sqlOrigin()));
        }
        String text = format(format);
        if (text == null) {
            return;
        }
        Map.Entry<String, Map<String, String>> problem = new NumberFormatPattern(text).problem();
        if (problem != null) {
            throw Unchecked.raise(new AnalysisException("INVALID_FORMAT." + problem.getKey(), problem.getValue(),
                    call.sqlOrigin()));
        }
    }

    /** Spark's {@code prettyName} of the format expression, which its message names: a column is an {@code attributereference}. */
    private static String prettyName(Expression e) {
        if (e instanceof BoundReference || e instanceof UnresolvedAttribute) {
            return "attributereference";
        }
        return e instanceof ScalarFunction f ? f.name() : e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant format's text; null for a null one. */
    private static String format(Expression e) {
        if (e instanceof Literal l) {
            return l.value() == null ? null : l.value().toString();
        }
        Evaluator ev = e.evaluator(new EvalContext());
        ev.eval(null);
        return ev.isNull ? null : StringKernels.string(ev.buf, ev.off, ev.len);
    }
}
