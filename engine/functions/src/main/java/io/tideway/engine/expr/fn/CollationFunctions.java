package io.tideway.engine.expr.fn;

import io.tideway.SparkException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.STRING;

/**
 * Spark 4's {@code collate(text, name)} and {@code collation(text)} for the one collation Tideway
 * has, Spark's default {@code UTF8_BINARY} (byte order): {@code collate} with it is the text
 * itself, and {@code collation} names it {@code SYSTEM.BUILTIN.UTF8_BINARY}. Spark's other
 * collations ({@code UTF8_LCASE}, {@code UNICODE}, {@code UNICODE_CI}, the ICU locales) are refused
 * with Spark's {@code UNSUPPORTED_COLLATION.FOR_FUNCTION} rather than compared as binary. Registered
 * once, immutable after.
 */
final class CollationFunctions {
    /** The fully qualified name of the one collation. */
    private static final String UTF8_BINARY = "SYSTEM.BUILTIN.UTF8_BINARY";
    /** Spark's collations that Tideway does not implement, as proposals for a misspelt name. */
    private static final List<String> KNOWN = List.of("UTF8_BINARY", "UTF8_LCASE", "UNICODE", "UNICODE_CI");
    /** The qualifier of a fully qualified collation name. */
    private static final String QUALIFIER = "SYSTEM.BUILTIN.";

    /** {@code collate(text, name)}: the text itself, once the name is checked. */
    private static final FunctionSpec COLLATE = FunctionSpec.named("collate").inputs(STRING, STRING).strict()
            .returns(DataTypes.StringType)
            .nullable(call -> call.children().get(0).nullable())
            .coercion(call -> {
                List<Expression> a = call.children();
                if (a.get(0).dataType() != DataTypes.StringType && a.get(0).dataType() != DataTypes.NullType) {
                    throw call.unexpectedType(0, STRING, a.get(0).dataType());
                }
                check(call, a.get(1));
                return a;
            })
            .code((ctx, call, out, a) -> ctx.assign(out, a[0]))
            .check();

    private CollationFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("collation").inputs(STRING).strict().returns(DataTypes.StringType)
                .nullable(call -> false)
                .customCode((ctx, call) -> DateTimeFunctions.stringConstant(ctx, UTF8_BINARY)));
        // Spark shows a fully qualified name by its last part: collate(s, 'SYSTEM.BUILTIN.UTF8_BINARY') is collate(s, UTF8_BINARY)
        FunctionRegistry.add("collate", 2, 2, (name, a) -> new ScalarFunction(COLLATE, name, List.of(a.get(0),
                a.get(1) instanceof Literal l && l.value() instanceof String text && text.toUpperCase(Locale.ROOT).startsWith(QUALIFIER)
                        ? Literal.of(text.substring(QUALIFIER.length())) : a.get(1))));
    }

    /** Spark's checks of the name: a string literal ({@code NON_FOLDABLE_ARGUMENT}), then a collation it knows. */
    private static void check(ScalarFunction call, Expression name) {
        if (!(name instanceof Literal l) || !(l.value() instanceof String text)) {
            throw Unchecked.raise(new AnalysisException("NON_FOLDABLE_ARGUMENT", Map.of("funcName", ErrorParams.id("collate"),
                    "paramName", ErrorParams.id("collationName"), "paramType", ErrorParams.type(DataTypes.StringType)),
                    call.sqlOrigin()));
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.equals("UTF8_BINARY")) {
            return;
        }
        if (KNOWN.contains(upper)) {
            throw Unchecked.raise(new AnalysisException("UNSUPPORTED_COLLATION.FOR_FUNCTION", Map.of("collationName", upper,
                    "functionName", ErrorParams.id("collate"))));
        }
        throw Unchecked.raise(new SparkException("COLLATION_INVALID_NAME", Map.of("collationName", text, "proposals", closest(upper)),
                null));
    }

    /** The known collation names nearest to {@code name} (Spark proposes from all of its own, ICU's included). */
    private static String closest(String name) {
        String best = KNOWN.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (String k : KNOWN) {
            int d = distance(name, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
