package io.tideway.engine.plan;

import io.tideway.sql.types.StructType;

/**
 * {@code offset(n)}: the rows after the first {@code n}. On a static plan the rows are skipped when
 * an action runs ({@code StaticPlanMaterializer}); on a stream {@code start()} refuses it as
 * Spark's {@code UnsupportedOperationChecker} does. Immutable.
 */
public final class Offset extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public Offset(int offset, LogicalPlan child) {
        super(child);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }

    @Override
    public StructType schema() {
        return child().schema();
    }

    @Override
    public String nodeName() {
        return "Offset";
    }

    @Override
    protected String argString() {
        return Integer.toString(offset);
    }

    @Override
    public Offset withNewChild(LogicalPlan child) {
        return new Offset(offset, child);
    }
}
