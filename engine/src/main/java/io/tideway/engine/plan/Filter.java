package io.tideway.engine.plan;

import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.StructType;


/** {@code where}/{@code filter} with a resolved boolean condition. */
public final class Filter extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final Expression condition;

    public Filter(Expression condition, LogicalPlan child) {
        super(child);
        this.condition = condition;
    }

    public Expression condition() {
        return condition;
    }



    @Override
    public StructType schema() {
        return child().schema();
    }

    @Override
    public String nodeName() {
        return "Filter";
    }

    @Override
    protected String argString() {
        return condition.sql();
    }

    @Override
    public Filter withNewChild(LogicalPlan child) {
        return new Filter(condition, child);
    }
}
