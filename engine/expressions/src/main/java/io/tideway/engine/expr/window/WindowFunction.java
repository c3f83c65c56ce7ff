package io.tideway.engine.expr.window;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.AnalysisException;

import java.util.Map;
import java.util.function.Function;

/**
 * A function that has a value only over a window ({@code row_number()}, {@code lag(v)}, ...):
 * the window operator computes it from the rows of the current row's partition, so it has no
 * evaluator of its own. Immutable.
 */
public abstract class WindowFunction extends Expression {
    private static final long serialVersionUID = 1L;

    /** The frame the function is defined over whatever the user writes, or null when it takes the spec's frame. */
    public abstract WindowFrame requiredFrame();

    /** Whether the window must have an ORDER BY. */
    public boolean requiresOrder() {
        return true;
    }

    /** As Spark 4's {@code Column.toString} prints the call, given how to print an argument. */
    public abstract String columnText(Function<Expression, String> text);

    /** As Spark's analyser prints the unresolved function in its errors ({@code rank()}, {@code ntile(2)}). */
    public String errorText() {
        return sql();
    }

    /** Spark's {@code WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE} for this function; declared to return so callers can write {@code throw}. */
    public RuntimeException withoutOver() {
        throw Unchecked.raise(new AnalysisException("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE",
                Map.of("funcName", ErrorParams.expr(errorText())))); // Spark's check names no position
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw withoutOver();
    }
}
