package io.tideway.engine.plan;

import io.tideway.sql.types.StructType;

import java.util.List;

/** {@code union}: rows of all children, by column position. */
public final class Union extends LogicalPlan {
    private static final long serialVersionUID = 1L;
    private final List<LogicalPlan> children;

    public Union(List<LogicalPlan> children) {
        this.children = List.copyOf(children);
    }

    @Override
    public List<LogicalPlan> children() {
        return children;
    }

    @Override
    public StructType schema() {
        return children.get(0).schema();
    }

    @Override
    public String nodeName() {
        return "Union";
    }

    @Override
    protected String argString() {
        return "";
    }

    @Override
    public Union copy(List<LogicalPlan> children) {
        return new Union(children);
    }
}
