package io.tideway.engine.codegen;

import io.tideway.engine.expr.Expression;

import java.util.List;

/**
 * One map-like step of a chain to compile: a projection (one output column per expression) or a
 * filter (rows whose condition is true pass unchanged). Immutable.
 *
 * @param projection the projection's expressions, or null for a filter
 * @param condition  the filter's condition, or null for a projection
 */
public record ChainStage(List<Expression> projection, Expression condition) {
    public static ChainStage project(List<Expression> projection) {
        return new ChainStage(List.copyOf(projection), null);
    }

    public static ChainStage filter(Expression condition) {
        return new ChainStage(null, condition);
    }

    boolean isFilter() {
        return condition != null;
    }
}
