package io.tideway.engine.plan;

import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.StringJoiner;

/**
 * A global sort ({@code orderBy}/{@code sort}, {@code ORDER BY} in {@code sql()} over a streaming
 * view). On a static plan the rows are sorted when an action runs ({@code StaticPlanMaterializer});
 * on a stream {@code start()} refuses it as Spark's {@code UnsupportedOperationChecker} does
 * unless it is above an aggregate in Complete mode, where the micro-batch executor sorts each
 * batch's complete result. Immutable.
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
        for (Order o : this.orders) {
            VariantRefusals.requireSortable(child.schema().apply(o.ordinal()), o, child);
        }
    }

    public List<Order> orders() {
        return orders;
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
