package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.window.NTile;
import io.tideway.engine.expr.window.NthValue;
import io.tideway.engine.expr.window.OffsetWindowFunction;
import io.tideway.engine.expr.window.RankFunction;
import io.tideway.sql.AnalysisException;

import java.util.List;
import java.util.Map;

/**
 * The window functions ({@code io.tideway.engine.expr.window}): ranking ({@code row_number},
 * {@code rank}, {@code dense_rank}, {@code percent_rank}, {@code cume_dist}, {@code ntile}),
 * offsets ({@code lag}, {@code lead}) and {@code nth_value}. They have a value only under
 * {@code OVER}, which the window operator computes.
 */
final class WindowFunctions {
    private WindowFunctions() {
    }

    static void register() {
        for (RankFunction.Kind k : RankFunction.Kind.values()) {
            FunctionRegistry.add(k.callName(), 0, 0, (n, a) -> new RankFunction(k));
        }
        FunctionRegistry.add("ntile", 1, 1, (n, a) -> new NTile(intLiteral(n, a.get(0))));
        FunctionRegistry.add("lag", 1, 4, (n, a) -> offset(false, n, a));
        FunctionRegistry.add("lead", 1, 4, (n, a) -> offset(true, n, a));
        FunctionRegistry.add("nth_value", 2, 3, (n, a) -> new NthValue(a.get(0), intLiteral(n, a.get(1)),
                a.size() > 2 && Boolean.TRUE.equals(((Literal) a.get(2)).value())));
    }

    /** {@code lag/lead(input[, offset[, default[, ignoreNulls]]])}: offset 1 and a null default unless given. */
    private static Expression offset(boolean lead, String name, List<Expression> a) {
        int offset = a.size() > 1 ? intLiteral(name, a.get(1)) : 1;
        Expression dflt = a.size() > 2 ? a.get(2) : Literal.of(null);
        boolean ignoreNulls = a.size() > 3 && Boolean.TRUE.equals(((Literal) a.get(3)).value());
        return new OffsetWindowFunction(lead, a.get(0), offset, dflt, ignoreNulls);
    }

    /** A constant integer argument (an offset, a count of buckets). */
    private static int intLiteral(String fn, Expression e) {
        if (e instanceof Literal l && (l.value() instanceof Integer || l.value() instanceof Short || l.value() instanceof Byte)) {
            return ((Number) l.value()).intValue();
        }
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", Map.of(
                "sqlExpr", ErrorParams.expr(fn + "(" + e.sql() + ")"), "inputName", "offset",
                "inputType", "\"INT\"", "inputExpr", ErrorParams.expr(e.sql())), CurrentOrigin.get()));
    }
}
