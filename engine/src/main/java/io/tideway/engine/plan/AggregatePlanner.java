package io.tideway.engine.plan;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.TimeWindow;
import io.tideway.sql.types.StructField;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Resolver;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;

import java.util.ArrayList;
import java.util.List;

/** Builds an Aggregate: grouping columns first in the output, then the aggregates. */
public final class AggregatePlanner {
    private AggregatePlanner() {
    }

    public static Aggregate aggregate(List<Column> groupBy, List<Column> aggs, LogicalPlan input) {
        List<Expression> grouping = new ArrayList<>();
        List<Expression> outputs = new ArrayList<>();
        LogicalPlan child = input;
        for (Column c : groupBy) {
            Expression g = Resolver.resolve(c.expr(), input.schema());
            if (g.exists(e -> e instanceof TimeWindow || e instanceof io.tideway.engine.expr.SessionWindow)) {
                if (child != input) {
                    throw new AnalysisException("Multiple time/session window expressions would result in a cartesian product of rows, "
                            + "therefore they are currently not supported.");
                }
                child = expandWindows(g, input);
                g = windowColumn(child);
            }
            if (g.exists(e -> e instanceof AggregateFunction)) {
                throw new AnalysisException("[GROUP_BY_AGGREGATE] Aggregate functions are not allowed in GROUP BY, but found " + g.sql() + ".");
            }
            grouping.add(g instanceof Alias a ? a.child() : g);
            outputs.add(g);
        }
        for (Column c : aggs) {
            Expression a = Resolver.resolve(c.expr(), child.schema());
            if (a.exists(e -> e instanceof TimeWindow || e instanceof io.tideway.engine.expr.SessionWindow)) {
                throw new AnalysisException("window() is supported as a grouping expression: groupBy(window(...), ...)");
            }
            if (Aggregate.aggregateOf(a) == null) {
                throw new AnalysisException("[MISSING_AGGREGATION] The non-aggregating expression \"" + a.sql()
                        + "\" is based on columns which are not participating in the GROUP BY clause. Tideway supports "
                        + "count, sum, avg, min and max applied directly in agg().");
            }
            AggregateFunction f = Aggregate.aggregateOf(a);
            if (f.input().exists(e -> e instanceof AggregateFunction)) {
                throw new AnalysisException("[NESTED_AGGREGATE_FUNCTION] It is not allowed to use an aggregate function in the argument of another aggregate function.");
            }
            outputs.add(a);
        }
        return new Aggregate(grouping, outputs, child);
    }

    /** {@code groupBy(window(t, ...))}: one input row per window under the aggregate (Spark's TimeWindowing). */
    private static LogicalPlan expandWindows(Expression grouping, LogicalPlan input) {
        Expression e = grouping instanceof Alias a ? a.child() : grouping;
        if (e instanceof io.tideway.engine.expr.SessionWindow sw) {
            sw.dataType();
            if (!(sw.timeColumn() instanceof BoundReference time)) {
                throw new AnalysisException("session_window() needs a column of the input as its time column, not "
                        + sw.timeColumn().sql() + "; add it with withColumn first");
            }
            return new SessionWindowExpand(sw, time.ordinal(), input);
        }
        if (!(e instanceof TimeWindow w)) {
            throw new AnalysisException("window() must be a grouping expression by itself, not inside " + grouping.sql());
        }
        w.dataType(); // type-check the time column
        if (!(w.timeColumn() instanceof BoundReference time)) {
            throw new AnalysisException("window() needs a column of the input as its time column, not " + w.timeColumn().sql()
                    + "; add it with withColumn first");
        }
        return new TimeWindowExpand(w, time.ordinal(), input);
    }

    private static Expression windowColumn(LogicalPlan expanded) {
        int i = expanded.schema().length() - 1;
        StructField f = expanded.schema().apply(i);
        return new BoundReference(i, f.dataType(), f.nullable(), f.name(), f.metadata());
    }
}
