package io.tideway.engine.plan;

import java.util.List;

/** A plan node with exactly one child. */
public abstract class UnaryNode extends LogicalPlan {
    private static final long serialVersionUID = 1L;
    private final LogicalPlan child;

    protected UnaryNode(LogicalPlan child) {
        this.child = child;
    }

    public final LogicalPlan child() {
        return child;
    }

    @Override
    public final List<LogicalPlan> children() {
        return List.of(child);
    }

    /** A new node like this one over {@code child}. */
    public abstract UnaryNode withNewChild(LogicalPlan child);

    @Override
    public final UnaryNode copy(List<LogicalPlan> children) {
        return withNewChild(children.get(0));
    }
}
