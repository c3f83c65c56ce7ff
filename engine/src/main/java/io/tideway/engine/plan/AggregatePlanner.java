package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.sql.types.StructField;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Resolver;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds an Aggregate: grouping columns first in the output, then the aggregates. */
public final class AggregatePlanner {
    private AggregatePlanner() {
    }

    public static Aggregate aggregate(List<Column> groupBy, List<Column> aggs, LogicalPlan input) {
        List<Expression> grouping = new ArrayList<>();
        List<Expression> outputs = new ArrayList<>();
        LogicalPlan child = input;
        for (Column c : groupBy) {
            requireGroupingName(c.expr(), input);
            Expression g = Resolver.resolve(c.expr(), input);
            if (TimeWindowing.hasWindow(g)) {
                if (child != input) {
                    throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1039", Map.of()));
                }
                child = TimeWindowing.expand(g, input);
                Expression window = windowColumn(child);
                g = g instanceof Alias a ? new Alias(window, a.name()) : window; // keeps the user's name, as Spark
            }
            if (g.exists(e -> e instanceof AggregateFunction)) {
                throw Unchecked.raise(new AnalysisException("GROUP_BY_AGGREGATE", Map.of("sqlExpr", g.sql())));
            }
            grouping.add(g instanceof Alias a ? a.child() : g);
            outputs.add(g);
        }
        for (Column c : aggs) {
            Expression a = Resolver.resolve(c.expr(), child);
            if (TimeWindowing.hasWindow(a)) {
                throw Unchecked.raise(new AnalysisException("window() is supported as a grouping expression: groupBy(window(...), ...)"));
            }
            if (Aggregate.aggregateOf(a) == null) {
                throw notAnAggregate(a, grouping);
            }
            AggregateFunction f = Aggregate.aggregateOf(a);
            if (f.input().exists(e -> e instanceof AggregateFunction)) {
                throw Unchecked.raise(new AnalysisException("NESTED_AGGREGATE_FUNCTION", Map.of()));
            }
            outputs.add(a);
        }
        return new Aggregate(grouping, outputs, child);
    }

    /**
     * Spark resolves {@code groupBy("name")} eagerly ({@code Dataset.resolve}), so an unknown name
     * lists every column in schema order rather than by similarity as the analyzer does. The
     * column API does not tell {@code groupBy("kind")} from {@code groupBy(col("kind"))}; both
     * take the eager wording here.
     */
    private static void requireGroupingName(Expression e, LogicalPlan input) {
        if (e instanceof UnresolvedAttribute a && !a.isStar() && a.origin() == null && a.sqlOrigin() == null
                && !a.name().contains(".")
                && Resolver.ordinalOf(a.name(), input.schema()) < 0) {
            throw Resolver.unresolved(a.name(), input.schema());
        }
    }

    /**
     * An {@code agg()} column that is not an aggregate function: Spark's {@code MISSING_AGGREGATION}
     * when it aggregates nothing, Tideway's own message when it wraps one (Spark would run it).
     */
    private static RuntimeException notAnAggregate(Expression a, List<Expression> grouping) {
        Expression e = a instanceof Alias alias ? alias.child() : a;
        if (e.exists(x -> x instanceof AggregateFunction)) {
            Expression column = ungroupedColumn(e, grouping);
            if (column != null) { // signal + max(signal): Spark names the column outside the aggregate
                throw missingAggregation(column);
            }
            throw Unchecked.raise(new AnalysisException("Tideway does not support " + e.sql() + " in agg() yet: it "
                    + "supports count, sum, avg, min and max applied directly in agg()."));
        }
        throw missingAggregation(e);
    }

    private static RuntimeException missingAggregation(Expression e) {
        throw Unchecked.raise(new AnalysisException("MISSING_AGGREGATION", Map.of("expression", ErrorParams.expr(e.sql()),
                "expressionAnyValue", ErrorParams.expr("any_value(" + e.sql() + ")"))));
    }

    /** The first input column {@code e} reads outside its aggregate functions that is not grouped by, or null. */
    private static Expression ungroupedColumn(Expression e, List<Expression> grouping) {
        if (e instanceof AggregateFunction || grouping.stream().anyMatch(g -> g.sql().equals(e.sql()))) {
            return null;
        }
        if (e instanceof BoundReference) {
            return e;
        }
        for (Expression child : e.children()) {
            Expression found = ungroupedColumn(child, grouping);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Expression windowColumn(LogicalPlan expanded) {
        int i = expanded.schema().length() - 1;
        StructField f = expanded.schema().apply(i);
        return new BoundReference(i, f.dataType(), f.nullable(), f.name(), f.metadata());
    }
}
