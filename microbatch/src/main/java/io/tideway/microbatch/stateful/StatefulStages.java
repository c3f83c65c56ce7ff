package io.tideway.microbatch.stateful;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.plan.Deduplicate;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.sql.streaming.OutputMode;

/** Finds the stateful operator of a plan (start() has checked there is at most one). */
public final class StatefulStages {
    private StatefulStages() {
    }

    /** The stage for the highest stateful node of {@code plan}, or null for a stateless query. */
    public static StatefulStage of(LogicalPlan plan, EvalContext ctx, OutputMode mode) {
        if (plan instanceof Aggregate a && a.isStreaming()) {
            return new AggregationStage(a, ctx, mode);
        }
        if (plan instanceof Deduplicate d && d.isStreaming()) {
            return new DeduplicationStage(d, ctx);
        }
        for (LogicalPlan c : plan.children()) {
            StatefulStage s = of(c, ctx, mode);
            if (s != null) {
                return s;
            }
        }
        return null;
    }
}
