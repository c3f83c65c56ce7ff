package io.tideway.engine.plan;

import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Alias;
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

    public static Aggregate aggregate(List<Column> groupBy, List<Column> aggs, LogicalPlan child) {
        List<Expression> grouping = new ArrayList<>();
        List<Expression> outputs = new ArrayList<>();
        for (Column c : groupBy) {
            Expression g = Resolver.resolve(c.expr(), child.schema());
            if (g.exists(e -> e instanceof AggregateFunction)) {
                throw new AnalysisException("[GROUP_BY_AGGREGATE] Aggregate functions are not allowed in GROUP BY, but found " + g.sql() + ".");
            }
            grouping.add(g instanceof Alias a ? a.child() : g);
            outputs.add(g);
        }
        for (Column c : aggs) {
            Expression a = Resolver.resolve(c.expr(), child.schema());
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
}
