package io.tideway.sql;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.Count;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.plan.AggregatePlanner;
import io.tideway.engine.plan.GroupingSetsPlanner;
import io.tideway.engine.plan.PivotPlanner;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.TypedColumns;
import io.tideway.sql.types.NumericType;
import io.tideway.sql.types.StructField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code groupBy}, {@code rollup}, {@code cube} or {@code groupingSets}, perhaps
 * pivoted, mirroring Spark's {@code RelationalGroupedDataset}. Immutable.
 */
public final class RelationalGroupedDataset {
    /** Spark's {@code spark.sql.pivotMaxValues}: the most values {@code pivot(col)} finds by itself. */
    private static final String PIVOT_MAX_VALUES = "spark.sql.pivotMaxValues";
    private final TidewaySession session;
    private final LogicalPlan child;
    private final List<Column> grouping;
    /** The grouping sets as positions in {@link #grouping}, or null for a plain {@code groupBy}. */
    private final List<List<Integer>> sets;
    /** The pivot column, or null when not pivoted. */
    private final Column pivotColumn;
    private final List<Column> pivotValues;

    RelationalGroupedDataset(TidewaySession session, LogicalPlan child, List<Column> grouping) {
        this(session, child, grouping, null, null, List.of());
    }

    private RelationalGroupedDataset(TidewaySession session, LogicalPlan child, List<Column> grouping,
                                     List<List<Integer>> sets, Column pivotColumn, List<Column> pivotValues) {
        this.session = session;
        this.child = child;
        this.grouping = List.copyOf(grouping);
        this.sets = sets;
        this.pivotColumn = pivotColumn;
        this.pivotValues = List.copyOf(pivotValues);
    }

    /** Grouped by each of {@code sets} (positions in {@code grouping}): rollup, cube, grouping sets. */
    static RelationalGroupedDataset groupingSets(TidewaySession session, LogicalPlan child, List<Column> grouping,
                                                 List<List<Integer>> sets) {
        return new RelationalGroupedDataset(session, child, grouping, sets, null, List.of());
    }

    /**
     * Pivots on {@code pivotColumn}: one output column per distinct value of it (per value and
     * aggregate with several aggregates), the values found first, sorted, as Spark does; at most
     * {@code spark.sql.pivotMaxValues} (10000) of them. Not on a stream.
     */
    public RelationalGroupedDataset pivot(Column pivotColumn) {
        if (child.isStreaming()) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_3063", Map.of()));
        }
        int max = Integer.parseInt(session.conf().get(PIVOT_MAX_VALUES, "10000"));
        // sorted by the selected value: an expression (crosstab's CASE) is not a column after the select
        List<Row> rows = Dataset.ofRows(session, child).select(pivotColumn.alias("pivot")).distinct().limit(max + 1)
                .sort("pivot").collectAsList();
        if (rows.size() > max) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1324", Map.of(
                    "pivotColumn", pivotColumn.toString(), "maxValues", String.valueOf(max),
                    "config", PIVOT_MAX_VALUES)));
        }
        List<Object> values = new ArrayList<>(rows.size());
        for (Row r : rows) {
            values.add(r.get(0));
        }
        return pivot(pivotColumn, values);
    }

    /** As {@link #pivot(Column)}, of the named column. */
    public RelationalGroupedDataset pivot(String pivotColumn) {
        return pivot(new Column(pivotColumn));
    }

    /**
     * Pivots on {@code pivotColumn}: one output column per value of {@code values} (literals, or
     * literal columns), named by the value, or {@code value_aggregate} with several aggregates.
     */
    public RelationalGroupedDataset pivot(Column pivotColumn, List<Object> values) {
        if (this.pivotColumn != null) {
            throw new io.tideway.SparkUnsupportedOperationException("REPEATED_CLAUSE",
                    Map.of("clause", "PIVOT", "operation", "SUBQUERY"));
        }
        if (sets != null) {
            throw new io.tideway.SparkUnsupportedOperationException("UNSUPPORTED_FEATURE.PIVOT_AFTER_GROUP_BY");
        }
        List<Column> literals = new ArrayList<>(values.size());
        for (Object v : values) {
            literals.add(functions.lit(v));
        }
        return new RelationalGroupedDataset(session, child, grouping, null, pivotColumn, literals);
    }

    /** As {@link #pivot(Column, List)}, of the named column. */
    public RelationalGroupedDataset pivot(String pivotColumn, List<Object> values) {
        return pivot(new Column(pivotColumn), values);
    }

    /** The aggregation of {@code aggs} as this grouping plans it. */
    private LogicalPlan aggregate(List<Column> aggs) {
        if (pivotColumn != null) {
            return PivotPlanner.aggregate(grouping, pivotColumn, pivotValues, aggs, child);
        }
        if (sets != null) {
            return GroupingSetsPlanner.aggregate(grouping, sets, aggs, child);
        }
        return AggregatePlanner.aggregate(grouping, aggs, child);
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
        return Dataset.ofRows(session, aggregate(rowsAggregated(all)));
    }

    /**
     * One row per group: the grouping columns, then for each entry (column name to aggregate
     * function name) the function of that column, as Spark's {@code agg(java.util.Map)}:
     * {@code avg}/{@code average}/{@code mean} and {@code stddev}/{@code std} name their
     * functions, {@code count}/{@code size} of {@code "*"} counts rows, any other name is looked
     * up as a function. Entries come in the map's iteration order.
     */
    public Dataset<Row> agg(java.util.Map<String, String> exprs) {
        List<Column> all = new ArrayList<>();
        exprs.forEach((column, function) -> all.add(byName(column, function)));
        return Dataset.ofRows(session, aggregate(all));
    }

    private static Column byName(String column, String function) {
        String fn = function.toLowerCase(java.util.Locale.ROOT);
        if (("count".equals(fn) || "size".equals(fn)) && "*".equals(column)) {
            return functions.count(functions.lit(1));
        }
        Column input = functions.col(column);
        return switch (fn) {
            case "avg", "average", "mean" -> functions.avg(input);
            case "stddev", "std" -> functions.stddev(input);
            case "count", "size" -> functions.count(input);
            default -> functions.call_function(function, input);
        };
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

    /**
     * The rows grouped by the grouping columns as typed groups, as Spark's {@code as[K, T]}: each
     * key read from the grouping columns by {@code keyEncoder}, each value from a whole row by
     * {@code valueEncoder}. Like Spark, it groups by the grouping columns whatever the grouping
     * (rollup, cube, pivot) was.
     */
    public <K, T> KeyValueGroupedDataset<K, T> as(Encoder<K> keyEncoder, Encoder<T> valueEncoder) {
        return GroupingColumnsAsKeys.group(session, child, grouping, keyEncoder, valueEncoder);
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
                return Dataset.ofRows(session, aggregate(List.of())); // the groups alone
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
