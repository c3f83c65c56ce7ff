package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.window.WindowExpression;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Spark's {@code Window} operator: the window expressions of one partitioning and ordering, each
 * computed for every row of its partition. The child is the input's columns followed by hidden
 * key columns ({@link WindowPlanner}); the output is the input's {@code width} columns, then one
 * column per window expression. On a static plan {@code StaticPlanMaterializer} computes it
 * ({@code WindowRunner}); a stream refuses it at {@code start()}, as Spark. Immutable.
 *
 * @see WindowPlanner
 */
public final class Window extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final List<WindowExpression> windows;
    private final List<String> names;
    private final int width;
    private final List<Sort.Order> partitionKeys;
    private final List<Sort.Order> orderKeys;
    private final List<int[]> valueOrdinals;
    private final StructType schema;

    /**
     * @param windows       the window expressions, bound to {@code child}
     * @param names         each one's column name (its alias, its SQL, or Spark's {@code _we0} inside an expression)
     * @param width         how many of the child's first columns pass through
     * @param partitionKeys the hidden partition keys, ascending with nulls first
     * @param orderKeys     the ORDER BY keys
     * @param valueOrdinals per expression, the hidden columns of the values it reads row by row
     *                      (lag/lead: input, default; nth_value: input), empty for others
     */
    public Window(List<WindowExpression> windows, List<String> names, int width, List<Sort.Order> partitionKeys,
                  List<Sort.Order> orderKeys, List<int[]> valueOrdinals, LogicalPlan child) {
        super(child);
        this.windows = List.copyOf(windows);
        this.names = List.copyOf(names);
        this.width = width;
        this.partitionKeys = List.copyOf(partitionKeys);
        this.orderKeys = List.copyOf(orderKeys);
        this.valueOrdinals = List.copyOf(valueOrdinals);
        StructType s = new StructType();
        for (int i = 0; i < width; i++) {
            s = s.add(child.schema().apply(i));
        }
        for (int i = 0; i < windows.size(); i++) {
            s = s.add(names.get(i), windows.get(i).dataType(), windows.get(i).nullable());
        }
        this.schema = s;
    }

    public List<WindowExpression> windows() {
        return windows;
    }

    public int width() {
        return width;
    }

    public List<Sort.Order> partitionKeys() {
        return partitionKeys;
    }

    public List<Sort.Order> orderKeys() {
        return orderKeys;
    }

    public int[] valueOrdinals(int window) {
        return valueOrdinals.get(window);
    }

    /** Spark's {@code NON_TIME_WINDOW_NOT_SUPPORTED_IN_STREAMING}, naming every window function of this node. */
    public RuntimeException streamingError() {
        StringJoiner fns = new StringJoiner(",");
        StringJoiner cols = new StringJoiner(",");
        StringJoiner specs = new StringJoiner(",");
        for (int i = 0; i < windows.size(); i++) {
            fns.add(windows.get(i).function().sql().toUpperCase(Locale.ROOT));
            cols.add(ErrorParams.id(names.get(i)));
            specs.add(windows.get(i).specSql().toUpperCase(Locale.ROOT));
        }
        throw Unchecked.raise(new AnalysisException("NON_TIME_WINDOW_NOT_SUPPORTED_IN_STREAMING", Map.of(
                "windowFunc", fns.toString(), "columnName", cols.toString(), "windowSpec", specs.toString())));
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String nodeName() {
        return "Window";
    }

    @Override
    protected String argString() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < windows.size(); i++) {
            j.add(windows.get(i).sql() + " AS " + names.get(i));
        }
        return j.toString();
    }

    @Override
    public Window withNewChild(LogicalPlan child) {
        return new Window(windows, names, width, partitionKeys, orderKeys, valueOrdinals, child);
    }
}
