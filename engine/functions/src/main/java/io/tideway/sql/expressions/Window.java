package io.tideway.sql.expressions;

import io.tideway.engine.expr.window.FrameBound;
import io.tideway.engine.expr.window.WindowSpecDefinition;
import io.tideway.sql.Column;

/**
 * Builds window specifications, as Spark's {@code Window}: {@code Window.partitionBy("k").orderBy("v")}
 * for {@code row_number().over(w)} and aggregates over frames. Stateless.
 */
public final class Window {
    private Window() {
    }

    /** The value of {@code rowsBetween}/{@code rangeBetween} for the first row of the partition. */
    public static long unboundedPreceding() {
        return Long.MIN_VALUE;
    }

    /** The value of {@code rowsBetween}/{@code rangeBetween} for the last row of the partition. */
    public static long unboundedFollowing() {
        return Long.MAX_VALUE;
    }

    /** The value of {@code rowsBetween}/{@code rangeBetween} for the current row (its peers, for a RANGE frame). */
    public static long currentRow() {
        return 0;
    }

    /** A spec partitioned by the named columns: each partition's rows are a window apart from the others'. */
    public static WindowSpec partitionBy(String colName, String... colNames) {
        return empty().partitionBy(colName, colNames);
    }

    /** A spec partitioned by the given columns (none: one partition of all rows). */
    public static WindowSpec partitionBy(Column... cols) {
        return empty().partitionBy(cols);
    }

    /** A spec of one partition ordered by the named columns, ascending with nulls first. */
    public static WindowSpec orderBy(String colName, String... colNames) {
        return empty().orderBy(colName, colNames);
    }

    /** A spec of one partition ordered by the given columns ({@code col("v").desc()}, or ascending with nulls first). */
    public static WindowSpec orderBy(Column... cols) {
        return empty().orderBy(cols);
    }

    /** A spec of one partition with a ROWS frame; see {@link WindowSpec#rowsBetween}. */
    public static WindowSpec rowsBetween(long start, long end) {
        return empty().rowsBetween(start, end);
    }

    /** A spec of one partition with a RANGE frame; see {@link WindowSpec#rangeBetween}. */
    public static WindowSpec rangeBetween(long start, long end) {
        return empty().rangeBetween(start, end);
    }

    /** The spec of {@code over()}: one partition, no order, the default frame. */
    static WindowSpec empty() {
        return new WindowSpec(WindowSpecDefinition.EMPTY);
    }

    static Column[] columns(String first, String... more) {
        Column[] cols = new Column[more.length + 1];
        cols[0] = new Column(first);
        for (int i = 0; i < more.length; i++) {
            cols[i + 1] = new Column(more[i]);
        }
        return cols;
    }

    static FrameBound bound(long value, boolean range) {
        return FrameBound.ofApi(value, range);
    }
}
