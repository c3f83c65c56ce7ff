package io.tideway.engine.sql;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.GroupingFunction;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.engine.plan.Resolver;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.functions;
import io.tideway.sql.types.StructField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The aggregation behind a grouped {@code sql()} query. Expressions of the select list, HAVING
 * and ORDER BY are first {@link #register registered}: every aggregate call in them
 * ({@code count(*)}, {@code sum(v)}) becomes one column of {@code groupBy(...).agg(...)}, the same
 * call written twice sharing one column. {@link #aggregate} then builds that Dataset (grouping
 * columns first, then the aggregates, named as the DataFrame API names them), and
 * {@link #rewrite} turns each expression into one over its columns: {@code sum(v) * 2} reads the
 * {@code sum(v)} column. A column that is neither grouped nor inside an aggregate is Spark's
 * {@code MISSING_AGGREGATION} (or {@code MISSING_GROUP_BY} without GROUP BY). Expressions match
 * by their resolved SQL text, so {@code COUNT(*)} and {@code count(1)}, {@code K} and {@code k}
 * are the same. One instance per query; not shared between threads.
 */
final class AggregateRewriter {
    private final Dataset<Row> input;
    private final List<Column> grouping;
    /** The grouping sets of {@link #grouping}, or null for a plain GROUP BY. */
    private final List<List<Column>> sets;
    private final List<String> groupingKeys = new ArrayList<>();
    private final List<Expression> aggregates = new ArrayList<>();
    private final List<String> aggregateKeys = new ArrayList<>();
    /** Null until {@link #aggregate} runs; after that no new aggregate may be registered. */
    private Dataset<Row> aggregated;

    /** {@code sets}: the GROUP BY's grouping sets (ROLLUP, CUBE, GROUPING SETS), or null for a plain GROUP BY. */
    AggregateRewriter(Dataset<Row> input, List<Column> grouping, List<List<Column>> sets) {
        this.input = input;
        this.grouping = List.copyOf(grouping);
        this.sets = sets;
        for (Column g : grouping) {
            Expression resolved = Resolver.resolve(g.expr(), input.logicalPlan());
            if (resolved.exists(e -> e instanceof AggregateFunction)) {
                throw Unchecked.raise(new AnalysisException("GROUP_BY_AGGREGATE", Map.of("sqlExpr", resolved.sql())));
            }
            groupingKeys.add(resolved.sql());
        }
    }

    /** Notes the aggregates {@code e} needs and checks that its other columns are grouped. */
    void register(Expression e) {
        walk(e, false);
    }

    /** The grouped and aggregated Dataset; built on the first call. */
    Dataset<Row> aggregate() {
        if (aggregated == null) {
            List<Column> aggs = new ArrayList<>();
            for (Expression a : aggregates) {
                aggs.add(new Column(a));
            }
            if (aggs.isEmpty()) {
                aggs.add(functions.count(functions.lit(1))); // GROUP BY without aggregates: a column nobody reads
            }
            Column[] keys = grouping.toArray(new Column[0]);
            aggregated = (sets == null ? input.groupBy(keys) : input.groupingSets(sets, keys))
                    .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
        }
        return aggregated;
    }

    /** {@code e} (registered before {@link #aggregate}) as an expression over the aggregated columns. */
    Column rewrite(Expression e) {
        aggregate();
        return new Column(walk(e, true));
    }

    private Expression walk(Expression e, boolean bind) {
        if (e instanceof io.tideway.engine.expr.window.WindowExpression) {
            // an aggregate under OVER runs over the window, on the groups' columns: only its arguments are the group's
            List<Expression> kids = e.children();
            List<Expression> next = new ArrayList<>(kids.size());
            for (int i = 0; i < kids.size(); i++) {
                Expression k = kids.get(i);
                next.add(i == 0 && k instanceof AggregateFunction ? walkChildren(k, bind) : walk(k, bind));
            }
            return bind ? e.withChildren(next) : e;
        }
        if (e instanceof AggregateFunction || e instanceof GroupingFunction) { // grouping(a): its own column
            String key = Resolver.resolve(e, input.logicalPlan()).sql();
            int i = aggregateKeys.indexOf(key);
            if (i < 0) {
                if (bind) {
                    throw new IllegalStateException("aggregate " + key + " was not registered before aggregate()");
                }
                aggregates.add(e);
                aggregateKeys.add(key);
                i = aggregates.size() - 1;
            }
            return bind ? column(grouping.size() + i) : e;
        }
        int g = grouping.isEmpty() ? -1 : groupingKeys.indexOf(Resolver.resolve(e, input.logicalPlan()).sql());
        if (g >= 0) {
            return bind ? column(g) : e;
        }
        if (e instanceof UnresolvedAttribute || e instanceof BoundReference) {
            throw notAggregated(Resolver.resolve(e, input.logicalPlan()).sql());
        }
        List<Expression> kids = e.children();
        if (kids.isEmpty()) {
            return e;
        }
        List<Expression> next = new ArrayList<>(kids.size());
        for (Expression k : kids) {
            next.add(walk(k, bind));
        }
        return bind ? e.withChildren(next) : e;
    }

    private Expression walkChildren(Expression e, boolean bind) {
        List<Expression> next = new ArrayList<>();
        for (Expression k : e.children()) {
            next.add(walk(k, bind));
        }
        return bind ? e.withChildren(next) : e;
    }

    private Expression column(int i) {
        StructField f = aggregated.schema().apply(i);
        return new BoundReference(i, f.dataType(), f.nullable(), f.name());
    }

    /** Throws Spark's error for a column outside any aggregate; declared to return so callers can write {@code throw}. */
    private RuntimeException notAggregated(String column) {
        if (grouping.isEmpty()) {
            throw Unchecked.raise(new AnalysisException("MISSING_GROUP_BY", Map.of()));
        }
        throw Unchecked.raise(new AnalysisException("MISSING_AGGREGATION", Map.of("expression", ErrorParams.expr(column),
                "expressionAnyValue", ErrorParams.expr("any_value(" + column + ")"))));
    }
}
