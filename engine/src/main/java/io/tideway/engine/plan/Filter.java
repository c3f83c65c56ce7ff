package io.tideway.engine.plan;

import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.StructType;

import java.util.List;

/** {@code where}/{@code filter} with a resolved boolean condition. */
public final class Filter extends LogicalPlan {
    private static final long serialVersionUID = 1L;
    private final Expression condition;
    private final LogicalPlan child;

    public Filter(Expression condition, LogicalPlan child) {
        this.condition = condition;
        this.child = child;
    }

    public Expression condition() {
        return condition;
    }

    public LogicalPlan child() {
        return child;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public StructType schema() {
        return child.schema();
    }

    @Override
    public String nodeName() {
        return "Filter";
    }

    @Override
    protected String argString() {
        return condition.sql();
    }
}
