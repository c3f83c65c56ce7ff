package io.tideway.engine.plan;

import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.StringJoiner;

/**
 * A global sort ({@code ORDER BY} in {@code sql()} over a streaming view), kept in the plan so
 * that {@code start()} refuses it as Spark's {@code UnsupportedOperationChecker} does: only an
 * aggregate in Complete mode may be sorted. Tideway does not run streaming sorts yet, so no
 * executor ever meets this node (the checker refuses the allowed case too); batch queries sort on
 * the driver instead. Immutable.
 */
public final class Sort extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final List<Order> orders;

    /** One key: the child's column at {@code ordinal}, its direction and where nulls go. */
    public record Order(int ordinal, boolean descending, boolean nullsFirst) implements java.io.Serializable {
    }

    public Sort(List<Order> orders, LogicalPlan child) {
        super(child);
        this.orders = List.copyOf(orders);
    }

    @Override
    public StructType schema() {
        return child().schema();
    }

    @Override
    public String nodeName() {
        return "Sort";
    }

    /** Spark's {@code [k ASC NULLS FIRST, ...], true} (true: a global sort). */
    @Override
    protected String argString() {
        StringJoiner j = new StringJoiner(", ", "[", "], true");
        for (Order o : orders) {
            j.add(child().schema().apply(o.ordinal()).name() + (o.descending() ? " DESC" : " ASC")
                    + (o.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
        }
        return j.toString();
    }

    @Override
    public Sort withNewChild(LogicalPlan child) {
        return new Sort(orders, child);
    }
}
