package io.tideway.engine.plan;

import io.tideway.sql.types.StructType;

/**
 * {@code df.as("a")} / {@code alias("a")}: the same rows and columns, which names written
 * {@code a.col} may now reach ({@link Qualifiers}). No operator runs for it. Immutable.
 */
public final class SubqueryAlias extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final String alias;

    public SubqueryAlias(String alias, LogicalPlan child) {
        super(child);
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }

    @Override
    public StructType schema() {
        return child().schema();
    }

    @Override
    public String nodeName() {
        return "SubqueryAlias";
    }

    @Override
    protected String argString() {
        return alias;
    }

    @Override
    public SubqueryAlias withNewChild(LogicalPlan child) {
        return new SubqueryAlias(alias, child);
    }
}
