package io.tideway.engine.plan;

import io.tideway.sql.types.StructType;

/**
 * {@code limit(n)}: the first {@code n} rows. Spark's analyser writes it as two nodes, a
 * {@code GlobalLimit} above a {@code LocalLimit} (the per-partition cut); both are kept so that
 * plans in error messages read as Spark's. On a static plan the rows are cut when an action runs
 * ({@code StaticPlanMaterializer}); on a stream, {@code start()} decides (Spark refuses it in
 * Update mode; Tideway runs it in Append mode as a stateful count, and above a Complete-mode
 * aggregation). Immutable.
 */
public final class Limit extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final int limit;
    private final boolean global;

    public Limit(int limit, boolean global, LogicalPlan child) {
        super(child);
        this.limit = limit;
        this.global = global;
    }

    /** Spark's {@code Limit(n, child)}: a global limit over a local one. */
    public static Limit of(int limit, LogicalPlan child) {
        return new Limit(limit, true, new Limit(limit, false, child));
    }

    public int limit() {
        return limit;
    }

    public boolean isGlobal() {
        return global;
    }

    @Override
    public StructType schema() {
        return child().schema();
    }

    @Override
    public String nodeName() {
        return global ? "GlobalLimit" : "LocalLimit";
    }

    @Override
    protected String argString() {
        return Integer.toString(limit);
    }

    @Override
    public Limit withNewChild(LogicalPlan child) {
        return new Limit(limit, global, child);
    }
}
