package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark's string predicates: startswith, endswith, contains, LIKE ({@code like}), ILIKE
 * ({@code ilike}) and RLIKE ({@code rlike}, {@code regexp}, {@code regexp_like}); their
 * implementations are in {@link PredicateKernels}.
 */
final class PredicateFunctions {
    private static final String K = PredicateKernels.class.getName() + ".";

    private PredicateFunctions() {
    }

    static void register() {
        for (String f : new String[] {"startsWith", "endsWith", "contains"}) {
            FunctionRegistry.add(FunctionSpec.named(f.toLowerCase(Locale.ROOT)).inputs(InputType.STRING_ALSO_BINARY, InputType.STRING_ALSO_BINARY)
                    .returns(DataTypes.BooleanType)
                    // on binaries Spark calls a nullable static method
                    .nullable(call -> call.children().stream().anyMatch(e -> e.nullable() || e.dataType() == DataTypes.BinaryType))
                    .code((ctx, call, out, a) -> ctx.set(out, K + f + "(" + CodegenContext.args(a[0], a[1]) + ") ? 1L : 0L")));
        }
        FunctionRegistry.add(like("like", false));
        FunctionRegistry.add(like("ilike", true));
        FunctionRegistry.add(FunctionSpec.named("rlike", "regexp", "regexp_like").inputs(STRING, STRING)
                .returns(DataTypes.BooleanType)
                .sql(call -> call.name().toUpperCase(Locale.ROOT) + "(" + ConditionalFunctions.args(call.children()) + ")")
                .code((ctx, call, out, a) -> {
                    String p = literalPattern(ctx, call.children().get(1), -1, false, call.name());
                    if (p == null) {
                        String cache = ctx.constant(new PredicateKernels.PatternCache(), PredicateKernels.PatternCache.class.getName());
                        p = cache + ".get(" + CodegenContext.args(a[1]) + ", -1, \"" + call.name() + "\")";
                    }
                    ctx.set(out, K + "matches(" + p + ", " + CodegenContext.args(a[0]) + ", true) ? 1L : 0L");
                }));
    }

    /** LIKE or ILIKE, with an optional one-character escape that must be a literal (default backslash). */
    private static FunctionSpec like(String name, boolean lower) {
        return FunctionSpec.named(name).inputs(STRING, STRING, STRING).optional(2)
                .coercion(call -> {
                    List<Expression> out = new ArrayList<>();
                    for (int i = 0; i < call.children().size(); i++) {
                        Expression e = call.children().get(i);
                        DataType to = STRING.accepts(e.dataType()) ? e.dataType() : STRING.implicitCast(e.dataType());
                        if (to == null) {
                            throw call.unexpectedType(i, STRING, e.dataType());
                        }
                        out.add(TypeCoercion.castIfNeeded(e, to));
                    }
                    if (out.size() == 3) {
                        escape(call);
                    }
                    return out;
                })
                .returns(DataTypes.BooleanType)
                .sql(call -> {
                    List<Expression> a = call.children();
                    if (lower) { // Spark leaves the escape out of ilike's name
                        return call.name() + "(" + a.get(0).sql() + ", " + a.get(1).sql() + ")";
                    }
                    char esc = escape(call);
                    return a.get(0).sql() + " LIKE " + a.get(1).sql() + (esc == '\\' ? "" : " ESCAPE '" + esc + "'");
                })
                .code((ctx, call, out, a) -> {
                    int esc = escape(call);
                    CodeValue s = a[0];
                    CodeValue p = a[1];
                    String text = CodegenContext.args(s);
                    if (lower) {
                        String scratch = ctx.scratch();
                        String n = ctx.fresh("lowered");
                        ctx.line("int " + n + " = " + StringKernels.class.getName() + ".lower(" + text + ", " + scratch + ");");
                        text = scratch + ".buffer(), 0, " + n;
                    }
                    String pattern = literalPattern(ctx, call.children().get(1), esc, lower, name);
                    if (pattern == null) {
                        String pat = CodegenContext.args(p);
                        if (lower) {
                            String scratch = ctx.scratch();
                            String n = ctx.fresh("lowered");
                            ctx.line("int " + n + " = " + StringKernels.class.getName() + ".lower(" + pat + ", " + scratch + ");");
                            pat = scratch + ".buffer(), 0, " + n;
                        }
                        String cache = ctx.constant(new PredicateKernels.PatternCache(), PredicateKernels.PatternCache.class.getName());
                        pattern = cache + ".get(" + pat + ", " + esc + ", \"" + name + "\")";
                    }
                    ctx.set(out, K + "matches(" + pattern + ", " + text + ", false) ? 1L : 0L");
                });
    }

    /**
     * A field holding the compiled pattern when the pattern is a string literal that compiles,
     * else null (the pattern is compiled per row, where a bad one raises its error as in Spark).
     */
    static String literalPattern(CodegenContext ctx, Expression e, int escape, boolean lower, String function) {
        if (!(e instanceof Literal l) || !(l.value() instanceof String text)) {
            return null;
        }
        String p = lower ? text.toLowerCase(Locale.ROOT) : text;
        Pattern compiled;
        try {
            compiled = escape >= 0 ? PredicateKernels.like(p, (char) escape) : PredicateKernels.regex(p, function);
        } catch (RuntimeException invalid) {
            return null;
        }
        return ctx.constant(compiled, Pattern.class.getName());
    }

    /** The escape character of a LIKE call: its third argument, a one-character string literal. */
    private static char escape(ScalarFunction call) {
        if (call.children().size() < 3) {
            return '\\';
        }
        Expression e = call.children().get(2);
        if (e instanceof Cast c) {
            e = c.child();
        }
        if (e instanceof Literal l && l.value() instanceof String s && s.length() == 1) {
            return s.charAt(0);
        }
        String shown = e instanceof Literal l && l.value() != null ? l.value().toString() : e.sql();
        throw Unchecked.raise(new AnalysisException("INVALID_ESCAPE_CHAR", Map.of("sqlExpr", ErrorParams.expr(shown)),
                call.sqlOrigin()));
    }
}
