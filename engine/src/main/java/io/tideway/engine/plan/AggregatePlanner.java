package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.sql.types.StructField;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.GroupingFunction;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds an Aggregate: grouping columns first in the output, then the aggregates. An {@code agg()}
 * column that computes with aggregates ({@code sum(i) / count(i)}) becomes, as in Spark, its
 * aggregate functions in the Aggregate and the computation in a Project above it.
 */
public final class AggregatePlanner {
    private AggregatePlanner() {
    }

    public static LogicalPlan aggregate(List<Column> groupBy, List<Column> aggs, LogicalPlan input) {
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
            VariantRefusals.requireGroupable(g instanceof Alias a ? a.child() : g, input);
            grouping.add(g instanceof Alias a ? a.child() : g);
            outputs.add(g);
        }
        List<Expression> resolved = new ArrayList<>();
        boolean computed = false;
        for (Column c : aggs) {
            Expression a = Resolver.resolve(c.expr(), child);
            if (a.exists(x -> x instanceof GroupingFunction)) { // only a rollup, cube or grouping sets replaces it
                throw GroupingFunction.outsideGroupingSets(c.expr().exists(x -> x instanceof GroupingFunction) ? c.expr() : a);
            }
            if (TimeWindowing.hasWindow(a)) {
                throw Unchecked.raise(new AnalysisException("window() is supported as a grouping expression: groupBy(window(...), ...)"));
            }
            AggregateFunction f = Aggregate.aggregateOf(a);
            if (f == null) {
                Expression e = a instanceof Alias alias ? alias.child() : a;
                if (!e.exists(x -> x instanceof AggregateFunction)) {
                    throw missingAggregation(e);
                }
                computed = true;
            } else {
                requireNotNested(f);
            }
            resolved.add(a);
        }
        if (!computed) {
            outputs.addAll(resolved);
            return new Aggregate(grouping, outputs, child);
        }
        return projectOverAggregate(grouping, outputs, resolved, child);
    }

    /**
     * The Aggregate of the grouping columns and every aggregate function the {@code agg()}
     * columns use, and above it a Project computing those columns from its output.
     */
    static LogicalPlan projectOverAggregate(List<Expression> grouping, List<Expression> outputs,
                                            List<Expression> aggColumns, LogicalPlan child) {
        List<Expression> project = new ArrayList<>();
        for (int g = 0; g < outputs.size(); g++) {
            Expression o = outputs.get(g);
            project.add(new BoundReference(g, o.dataType(), o.nullable(), NamedExpressions.nameOf(o)));
        }
        for (Expression a : aggColumns) {
            if (Aggregate.aggregateOf(a) != null) {
                project.add(referenceTo(a, outputs));
                continue;
            }
            Expression e = a instanceof Alias alias ? alias.child() : a;
            Expression computed = onAggregateOutput(e, grouping, outputs);
            project.add(a instanceof Alias alias ? new Alias(computed, alias.name()) : computed);
        }
        return new Project(project, new Aggregate(grouping, outputs, child));
    }

    /** Adds {@code output} to the Aggregate's outputs and returns a reference to it. */
    private static Expression referenceTo(Expression output, List<Expression> outputs) {
        outputs.add(output);
        return new BoundReference(outputs.size() - 1, output.dataType(), output.nullable(), NamedExpressions.nameOf(output));
    }

    /**
     * {@code e} over the Aggregate's output: its aggregate functions and grouping expressions
     * become references; any other input column is Spark's {@code MISSING_AGGREGATION}.
     */
    private static Expression onAggregateOutput(Expression e, List<Expression> grouping, List<Expression> outputs) {
        if (e instanceof AggregateFunction f) {
            requireNotNested(f);
            return referenceTo(f, outputs);
        }
        for (int g = 0; g < grouping.size(); g++) {
            if (grouping.get(g).sql().equals(e.sql())) {
                Expression key = grouping.get(g);
                return new BoundReference(g, key.dataType(), key.nullable(), key.sql());
            }
        }
        if (e instanceof BoundReference) {
            throw missingAggregation(e);
        }
        List<Expression> children = e.children();
        if (children.isEmpty()) {
            return e;
        }
        List<Expression> rebound = new ArrayList<>(children.size());
        for (Expression c : children) {
            rebound.add(onAggregateOutput(c, grouping, outputs));
        }
        return e.withChildren(rebound);
    }

    private static void requireNotNested(AggregateFunction f) {
        if (f.input().exists(e -> e instanceof AggregateFunction)) {
            throw Unchecked.raise(new AnalysisException("NESTED_AGGREGATE_FUNCTION", Map.of()));
        }
    }

    /**
     * Spark resolves {@code groupBy("name")} eagerly ({@code Dataset.resolve}), so an unknown name
     * lists every column in schema order rather than by similarity as the analyzer does. The
     * column API does not tell {@code groupBy("kind")} from {@code groupBy(col("kind"))}; both
     * take the eager wording here.
     */
    static void requireGroupingName(Expression e, LogicalPlan input) {
        if (e instanceof UnresolvedAttribute a && !a.isStar() && a.origin() == null && a.sqlOrigin() == null
                && !a.name().contains(".")
                && Resolver.ordinalOf(a.name(), input.schema()) < 0) {
            throw Resolver.unresolved(a.name(), input.schema());
        }
    }

    private static RuntimeException missingAggregation(Expression e) {
        throw Unchecked.raise(new AnalysisException("MISSING_AGGREGATION", Map.of("expression", ErrorParams.expr(e.sql()),
                "expressionAnyValue", ErrorParams.expr("any_value(" + e.sql() + ")"))));
    }

    private static Expression windowColumn(LogicalPlan expanded) {
        int i = expanded.schema().length() - 1;
        StructField f = expanded.schema().apply(i);
        return new BoundReference(i, f.dataType(), f.nullable(), f.name(), f.metadata());
    }
}
