package io.tideway.engine.plan;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.LeafExpression;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

/**
 * A Dataset used as a column of another: {@code Dataset.scalar()} (its one value) and
 * {@code Dataset.exists()} (whether it has rows), as Spark's {@code ScalarSubquery} and
 * {@code Exists}. It is never evaluated: {@link SubqueryColumns} plans it as a join before the
 * Dataset operation that uses it. Immutable.
 */
public final class SubqueryExpression extends LeafExpression {
    private static final long serialVersionUID = 1L;
    private final transient LogicalPlan plan;
    private final boolean exists;

    public SubqueryExpression(LogicalPlan plan, boolean exists) {
        this.plan = plan;
        this.exists = exists;
    }

    /** The subquery's plan. */
    public LogicalPlan plan() {
        return plan;
    }

    /** Whether this is {@code exists()} rather than {@code scalar()}. */
    public boolean isExists() {
        return exists;
    }

    @Override
    public String sql() {
        return exists ? "exists()" : "scalarsubquery()";
    }

    @Override
    public DataType dataType() {
        return exists ? DataTypes.BooleanType : plan.schema().apply(0).dataType();
    }

    @Override
    public boolean nullable() {
        return !exists;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException(sql() + " is evaluated outside the join that plans it");
    }
}
