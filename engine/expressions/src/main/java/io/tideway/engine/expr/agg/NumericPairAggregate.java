package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.MutableDirectBuffer;

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
    /** The inputs' types once resolved, read per row (racy single-check: each computed whole, immutable). */
    private transient DataType firstType;
    private transient DataType secondType;

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

    /** A double of two numeric inputs; {@link PairFiltered} answers for the aggregate it wraps. */
    @Override
    public DataType dataType() {
        InputTypes.requireNumeric(this, child, 0);
        InputTypes.requireNumeric(this, second, 1);
        return DataTypes.DoubleType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public final void update(MutableDirectBuffer b, int at, Evaluator in) {
        throw new UnsupportedOperationException(name + " reads two inputs");
    }

    /** The first input's type after the implicit numeric cast. */
    protected final DataType firstType() {
        DataType t = firstType;
        if (t == null) {
            t = InputTypes.numeric(child).dataType();
            firstType = t;
        }
        return t;
    }

    /** The second input's type after the implicit numeric cast. */
    protected final DataType secondType() {
        DataType t = secondType;
        if (t == null) {
            t = InputTypes.numeric(second).dataType();
            secondType = t;
        }
        return t;
    }
}
