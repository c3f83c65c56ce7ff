package io.tideway.sql.expressions;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.SortOrder;
import io.tideway.engine.expr.window.WindowFrame;
import io.tideway.engine.expr.window.WindowSpecDefinition;
import io.tideway.sql.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * A window specification, as Spark's {@code WindowSpec}: how rows are partitioned, ordered within a
 * partition, and which frame of rows a function sees. Built by {@link Window} and refined by
 * chaining; each method returns a new spec. Immutable, so safe to share between threads.
 */
public final class WindowSpec {
    private final WindowSpecDefinition definition;

    WindowSpec(WindowSpecDefinition definition) {
        this.definition = definition;
    }

    /** What this spec says, for {@code Column.over}. */
    public WindowSpecDefinition definition() {
        return definition;
    }

    /** Partitions by the named columns (replacing any partitioning given before). */
    public WindowSpec partitionBy(String colName, String... colNames) {
        return partitionBy(Window.columns(colName, colNames));
    }

    /** Partitions by the given columns (replacing any partitioning given before). */
    public WindowSpec partitionBy(Column... cols) {
        List<Expression> p = new ArrayList<>();
        for (Column c : cols) {
            p.add(c.expr());
        }
        return new WindowSpec(definition.withPartition(p));
    }

    /** Orders each partition by the named columns, ascending with nulls first. */
    public WindowSpec orderBy(String colName, String... colNames) {
        return orderBy(Window.columns(colName, colNames));
    }

    /** Orders each partition by the given columns ({@code col("v").desc()}, or ascending with nulls first). */
    public WindowSpec orderBy(Column... cols) {
        List<SortOrder> o = new ArrayList<>();
        for (Column c : cols) {
            o.add(c.expr() instanceof SortOrder s ? s : SortOrder.of(c.expr(), false));
        }
        return new WindowSpec(definition.withOrder(o));
    }

    /**
     * A ROWS frame from {@code start} to {@code end} rows relative to the current row
     * ({@link Window#unboundedPreceding()}, {@link Window#currentRow()}, {@link Window#unboundedFollowing()}).
     */
    public WindowSpec rowsBetween(long start, long end) {
        return new WindowSpec(definition.withFrame(new WindowFrame(true, Window.bound(start, false), Window.bound(end, false))));
    }

    /** A RANGE frame from {@code start} to {@code end} relative to the current row's ORDER BY value (its peers at 0). */
    public WindowSpec rangeBetween(long start, long end) {
        return new WindowSpec(definition.withFrame(new WindowFrame(false, Window.bound(start, true), Window.bound(end, true))));
    }
}
