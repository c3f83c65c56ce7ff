package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.fn.ScalarFunction;

/**
 * The percentage argument of {@code percentile} and {@code percentile_approx}: one number literal,
 * or {@code array(...)} of number literals (then the result is an array). Null when the argument
 * is neither, or a value is outside [0, 1]. Stateless.
 */
final class Percentages {
    private Percentages() {
    }

    static boolean isArray(Expression e) {
        return e instanceof ScalarFunction f && f.name().equals("array");
    }

    static double[] of(Expression e) {
        if (isArray(e)) {
            double[] out = new double[e.children().size()];
            for (int i = 0; i < out.length; i++) {
                Double p = one(e.children().get(i));
                if (p == null) {
                    return null;
                }
                out[i] = p;
            }
            return out;
        }
        Double p = one(e);
        return p == null ? null : new double[] {p};
    }

    private static Double one(Expression e) {
        if (e instanceof io.tideway.engine.expr.Cast c && c.children().get(0) instanceof Literal) {
            e = c.children().get(0); // array(0.25, 1) casts its elements to their common type
        }
        if (e instanceof Literal l && l.value() instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
            return n.doubleValue();
        }
        return null;
    }
}
