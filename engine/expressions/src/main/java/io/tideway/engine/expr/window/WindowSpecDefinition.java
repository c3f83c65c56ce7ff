package io.tideway.engine.expr.window;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.SortOrder;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code OVER (...)} says: the partitioning expressions, the ORDER BY keys and the frame the
 * user wrote (null: none, the function's or Spark's default applies). Immutable.
 */
public record WindowSpecDefinition(List<Expression> partition, List<SortOrder> order, WindowFrame frame)
        implements Serializable {
    public static final WindowSpecDefinition EMPTY = new WindowSpecDefinition(List.of(), List.of(), null);

    public WindowSpecDefinition {
        partition = List.copyOf(partition);
        order = List.copyOf(order);
    }

    public WindowSpecDefinition withPartition(List<Expression> p) {
        return new WindowSpecDefinition(p, order, frame);
    }

    public WindowSpecDefinition withOrder(List<SortOrder> o) {
        return new WindowSpecDefinition(partition, o, frame);
    }

    public WindowSpecDefinition withFrame(WindowFrame f) {
        return new WindowSpecDefinition(partition, order, f);
    }

    /** {@code PARTITION BY a ORDER BY b ASC NULLS FIRST}, without the frame and parentheses; empty for neither. */
    String keysSql(java.util.function.Function<Expression, String> text) {
        List<String> parts = new ArrayList<>();
        if (!partition.isEmpty()) {
            parts.add("PARTITION BY " + String.join(", ", partition.stream().map(text).toList()));
        }
        if (!order.isEmpty()) {
            parts.add("ORDER BY " + String.join(", ", order.stream().map(text).toList()));
        }
        return String.join(" ", parts);
    }
}
