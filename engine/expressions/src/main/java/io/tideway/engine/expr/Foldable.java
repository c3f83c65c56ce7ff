package io.tideway.engine.expr;

import io.tideway.engine.expr.fn.ScalarFunction;

import java.util.Set;

/**
 * Whether an expression is a constant Spark folds, as the arguments that must be constant (a
 * pattern, a seed, a delimiter, a bin count) are checked: a literal, {@code pi()}/{@code e()}, or
 * casts and deterministic functions of constants. Stateless.
 */
public final class Foldable {
    /** Functions whose value changes per call even over constants. */
    private static final Set<String> NONDETERMINISTIC = Set.of("rand", "randn", "random", "uniform");

    private Foldable() {
    }

    public static boolean of(Expression e) {
        if (e instanceof Literal) {
            return true;
        }
        if (e instanceof Cast || e instanceof ScalarFunction f && !f.children().isEmpty() && !NONDETERMINISTIC.contains(f.name())) {
            for (Expression c : e.children()) {
                if (!of(c)) {
                    return false;
                }
            }
            return true;
        }
        return e instanceof ScalarFunction f && f.children().isEmpty() && (f.name().equals("e") || f.name().equals("pi"));
    }
}
