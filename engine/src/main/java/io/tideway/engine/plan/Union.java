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

    /** The first child's columns, each nullable when it is so in any child (as Spark's {@code Union.output}). */
    @Override
    public StructType schema() {
        StructType first = children.get(0).schema();
        io.tideway.sql.types.StructField[] fields = first.fields();
        boolean widened = false;
        for (int i = 0; i < fields.length; i++) {
            for (int c = 1; c < children.size() && !fields[i].nullable(); c++) {
                if (children.get(c).schema().apply(i).nullable()) {
                    fields[i] = new io.tideway.sql.types.StructField(fields[i].name(), fields[i].dataType(), true,
                            fields[i].metadata());
                    widened = true;
                }
            }
        }
        return widened ? new StructType(fields) : first;
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
