package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Expression;

import java.util.List;

/**
 * An aggregate of two numeric columns named by its SQL name, {@code name(first, second)}: the
 * covariance family and the {@code regr_*} functions. Both inputs are numeric, a string cast to
 * double (Spark's implicit cast evaluates, and may fail on, both). Immutable.
 */
abstract class NumericPairAggregate extends AggregateFunction {
    private static final long serialVersionUID = 1L;
    protected final String name;
    protected final Expression second;

    NumericPairAggregate(String name, Expression first, Expression second) {
        super(first);
        this.name = name;
        this.second = second;
    }

    @Override
    public final List<Expression> children() {
        return List.of(child, second);
    }

    @Override
    public final List<Expression> inputs() {
        return List.of(InputTypes.numeric(child), InputTypes.numeric(second));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String sql() {
        return name + "(" + child.sql() + ", " + second.sql() + ")";
    }
}
