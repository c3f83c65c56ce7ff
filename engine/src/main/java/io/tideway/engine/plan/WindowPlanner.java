package io.tideway.engine.plan;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.SortOrder;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.window.NthValue;
import io.tideway.engine.expr.window.OffsetWindowFunction;
import io.tideway.engine.expr.window.WindowExpression;
import io.tideway.engine.expr.window.WindowFunction;
import io.tideway.sql.types.StructField;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a projection holding window expressions, as Spark's {@code ExtractWindowExpressions}: one
 * {@link Window} per distinct partitioning and ordering, stacked in the order they first appear,
 * each over a projection that adds its hidden columns (the partition and ORDER BY keys, the values
 * lag, lead and nth_value read); then the projection reads the windows' columns. Stateless.
 */
public final class WindowPlanner {
    private WindowPlanner() {
    }

    /** Whether {@code e} holds a window expression. */
    public static boolean hasWindow(Expression e) {
        return e.exists(x -> x instanceof WindowExpression);
    }

    /** Spark's {@code WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE} for a window function outside {@code OVER} in {@code e}. */
    public static void checkOver(Expression e) {
        if (e instanceof WindowExpression) {
            return;
        }
        if (e instanceof WindowFunction f) {
            throw f.withoutOver();
        }
        for (Expression c : e.children()) {
            checkOver(c);
        }
    }

    /** Spark's error for a window expression in a clause other than a projection ({@code WHERE}). */
    public static void refuseIn(Expression e, String clause) {
        if (hasWindow(e)) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1034", Map.of("clauseName", clause)));
        }
    }

    /** The plan of {@code resolved} (bound to {@code input}), whose window expressions become {@link Window} columns. */
    public static LogicalPlan plan(List<Expression> resolved, LogicalPlan input) {
        // by identity: first(v) and first(v, true) share a name but not a value
        Map<WindowExpression, String> names = new IdentityHashMap<>();
        List<WindowExpression> windows = new ArrayList<>();
        int[] generated = {0};
        for (Expression e : resolved) {
            checkOver(e);
            Expression top = e instanceof Alias a ? a.child() : e;
            e.exists(x -> {
                if (x instanceof WindowExpression w && !names.containsKey(w)) {
                    w.check();
                    windows.add(w);
                    names.put(w, x == top ? (e instanceof Alias a ? a.name() : w.sql()) : "_we" + generated[0]++);
                }
                return false;
            });
        }
        for (Expression e : resolved) {
            refuseAggregateBeside(e);
        }
        Map<String, List<WindowExpression>> bySpec = new LinkedHashMap<>();
        for (WindowExpression w : windows) {
            bySpec.computeIfAbsent(specKey(w), k -> new ArrayList<>()).add(w);
        }
        LogicalPlan plan = input;
        Map<WindowExpression, BoundReference> columns = new IdentityHashMap<>();
        for (List<WindowExpression> group : bySpec.values()) {
            Window w = window(group, names, plan);
            for (int i = 0; i < group.size(); i++) {
                int ordinal = w.width() + i;
                StructField f = w.schema().apply(ordinal);
                columns.put(group.get(i), new BoundReference(ordinal, f.dataType(), f.nullable(), f.name()));
            }
            plan = w;
        }
        List<Expression> projections = new ArrayList<>();
        for (Expression e : resolved) {
            Expression replaced = e.transformUp(x -> x instanceof WindowExpression w ? columns.get(w) : x);
            // an expression over a window keeps the name it has with the window in it
            projections.add(e instanceof Alias || replaced == e ? replaced : new Alias(replaced, NamedExpressions.nameOf(e)));
        }
        return new Project(projections, plan);
    }

    /**
     * An aggregate outside OVER in a projection with window functions: Spark's error when it holds
     * a window function; else Spark would aggregate first, which this planner does not do yet.
     */
    private static void refuseAggregateBeside(Expression e) {
        if (e instanceof WindowExpression) {
            return;
        }
        if (e instanceof io.tideway.engine.expr.AggregateFunction) {
            if (hasWindow(e)) {
                throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1031", Map.of()));
            }
            throw Unchecked.raise(new AnalysisException("Tideway computes window functions over a projection, not beside the "
                    + "aggregate " + e.sql() + " in one select: aggregate first (groupBy(...).agg(...)), then add the window column"));
        }
        for (Expression c : e.children()) {
            refuseAggregateBeside(c);
        }
    }

    private static String specKey(WindowExpression w) {
        return w.spec().partition().stream().map(Expression::sql).toList() + " / "
                + w.spec().order().stream().map(Expression::sql).toList();
    }

    /** One window over {@code input}: a projection adding the hidden columns, then the window node. */
    private static Window window(List<WindowExpression> group, Map<WindowExpression, String> names, LogicalPlan input) {
        int width = input.schema().length();
        List<Expression> pre = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            pre.add(Resolver.reference(input.schema(), i));
        }
        List<Expression> partition = group.get(0).spec().partition();
        List<Sort.Order> partitionKeys = new ArrayList<>();
        for (Expression p : partition) {
            partitionKeys.add(new Sort.Order(hidden(pre, p), false, true));
        }
        List<Sort.Order> orderKeys = new ArrayList<>();
        for (SortOrder o : group.get(0).spec().order()) {
            orderKeys.add(new Sort.Order(hidden(pre, o.child()), o.descending(), o.nullsFirst()));
        }
        List<int[]> values = new ArrayList<>();
        List<String> columnNames = new ArrayList<>();
        for (WindowExpression w : group) {
            columnNames.add(names.get(w));
            if (w.function() instanceof OffsetWindowFunction f) {
                Expression dflt = f.defaultValue().dataType() == f.input().dataType() ? f.defaultValue()
                        : TypeCoercion.castIfNeeded(f.defaultValue(), f.input().dataType());
                values.add(new int[] {hidden(pre, f.input()), hidden(pre, dflt)});
            } else if (w.function() instanceof NthValue n) {
                values.add(new int[] {hidden(pre, n.input())});
            } else {
                values.add(new int[0]);
            }
        }
        return new Window(group, columnNames, width, partitionKeys, orderKeys, values, new Project(pre, input));
    }

    /** Adds {@code e} as a hidden column of the projection {@code pre}; returns its ordinal. */
    private static int hidden(List<Expression> pre, Expression e) {
        pre.add(new Alias(e, "_w" + pre.size()));
        return pre.size() - 1;
    }
}
