package io.tideway.engine.expr.fn;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Coercible;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.DataType;

import java.util.List;

/**
 * A call the Java API built that the registry refused (an unknown name, a wrong argument count):
 * as in Spark, where {@code functions.coalesce()} builds an unresolved function, the error is
 * raised when a Dataset analyses the column, not when the Column is built. Immutable.
 */
final class FailedCall extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final List<Expression> args;
    private final Exception error;

    FailedCall(String name, List<Expression> args, Exception error) {
        this.name = name;
        this.args = List.copyOf(args);
        this.error = error;
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new FailedCall(name, children, error);
    }

    @Override
    public String sql() {
        return name + "(" + String.join(", ", args.stream().map(Expression::sql).toList()) + ")";
    }

    @Override
    public Expression coerceTypes() {
        throw Unchecked.raise(error);
    }

    @Override
    public DataType dataType() {
        throw Unchecked.raise(error);
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw Unchecked.raise(error);
    }
}
