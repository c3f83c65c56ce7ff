package io.tideway.sql;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.Count;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.plan.AggregatePlanner;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.TypedColumns;
import io.tideway.sql.types.NumericType;
import io.tideway.sql.types.StructField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The result of {@code groupBy}, mirroring Spark's {@code RelationalGroupedDataset}. Immutable. */
public final class RelationalGroupedDataset {
    private final TidewaySession session;
    private final LogicalPlan child;
    private final List<Column> grouping;

    RelationalGroupedDataset(TidewaySession session, LogicalPlan child, List<Column> grouping) {
        this.session = session;
        this.child = child;
        this.grouping = List.copyOf(grouping);
    }

    /**
     * One row per group: the grouping columns, then each aggregate (such as {@code sum(col("v"))}),
     * in order. On a stream this is a stateful aggregation: its output depends on the output mode,
     * and without a watermark its state grows with the number of groups.
     */
    public Dataset<Row> agg(Column expr, Column... exprs) {
        List<Column> all = new ArrayList<>();
        all.add(expr);
        all.addAll(Arrays.asList(exprs));
        return Dataset.ofRows(session, AggregatePlanner.aggregate(grouping, rowsAggregated(all), child));
    }

    /**
     * The columns with each {@code Aggregator.toColumn()} bound to the grouped rows, as Spark's
     * {@code withInputType(df.exprEnc, ...)}: its {@code df} is always a DataFrame, so the
     * aggregator's input is a {@link Row}, whatever the Dataset's type.
     */
    private List<Column> rowsAggregated(List<Column> columns) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c instanceof TypedColumn<?, ?> t
                    ? TypedColumns.boundTo(new io.tideway.engine.encoders.RowEncoder(child.schema()), t).get(0) : c);
        }
        return out;
    }

    /** Rows per group, in a column named {@code count}. */
    public Dataset<Row> count() {
        return agg(new Column(new Alias(new Count(Literal.of(1)), "count")));
    }

    /**
     * The sum of each named column per group, in columns named {@code sum(v)}; with no names, of
     * every numeric column.
     */
    public Dataset<Row> sum(String... cols) {
        return each(cols, functions::sum);
    }

    /**
     * The average of each named column per group, in columns named {@code avg(v)}; with no names,
     * of every numeric column.
     */
    public Dataset<Row> avg(String... cols) {
        return each(cols, functions::avg);
    }

    /** As {@link #avg(String...)}. */
    public Dataset<Row> mean(String... cols) {
        return avg(cols);
    }

    /**
     * The least value of each named column per group, in columns named {@code min(v)}; with no
     * names, of every numeric column.
     */
    public Dataset<Row> min(String... cols) {
        return each(cols, functions::min);
    }

    /**
     * The greatest value of each named column per group, in columns named {@code max(v)}; with no
     * names, of every numeric column.
     */
    public Dataset<Row> max(String... cols) {
        return each(cols, functions::max);
    }

    /** {@code f} of each named column; with no names, of every numeric column of the input, as Spark does. */
    private Dataset<Row> each(String[] cols, java.util.function.Function<String, Column> f) {
        if (cols.length == 0) {
            List<String> numeric = new ArrayList<>();
            for (StructField field : child.schema().fields()) {
                if (field.dataType() instanceof NumericType) {
                    numeric.add(field.name());
                }
            }
            if (numeric.isEmpty()) {
                return Dataset.ofRows(session, AggregatePlanner.aggregate(grouping, List.of(), child)); // the groups alone
            }
            cols = numeric.toArray(new String[0]);
        }
        Column[] rest = new Column[cols.length - 1];
        for (int i = 1; i < cols.length; i++) {
            rest[i - 1] = f.apply(cols[i]);
        }
        return agg(f.apply(cols[0]), rest);
    }
}
