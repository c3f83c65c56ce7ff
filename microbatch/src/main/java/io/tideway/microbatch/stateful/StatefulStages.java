package io.tideway.microbatch.stateful;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.plan.Deduplicate;
import io.tideway.engine.plan.EventTimeWatermark;
import io.tideway.engine.plan.FlatMapGroupsWithState;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.TransformWithState;
import io.tideway.sql.streaming.OutputMode;

/** Finds the stateful operators of a plan, as the stages the micro-batch executor runs. */
public final class StatefulStages {
    private StatefulStages() {
    }

    private static boolean hasWatermark(LogicalPlan p) {
        if (p instanceof EventTimeWatermark) {
            return true;
        }
        for (LogicalPlan c : p.children()) {
            if (hasWatermark(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every stateful node of {@code plan} as a stage, bottom-up: each stage's input holds the one
     * below it (through a join, the side that holds it; start() has checked that no operator has
     * stateful operators on both sides).
     */
    public static java.util.List<StatefulStage> chain(LogicalPlan plan, EvalContext ctx, OutputMode mode) {
        java.util.List<StatefulStage> out = new java.util.ArrayList<>();
        LogicalPlan p = plan;
        while (p != null) {
            StatefulStage s = of(p, ctx, mode);
            if (s == null) {
                break;
            }
            out.add(0, s);
            p = null;
            for (LogicalPlan c : s.node().children()) {
                if (of(c, ctx, mode) != null) {
                    p = c;
                }
            }
        }
        return out;
    }

    /** The stage for the highest stateful node of {@code plan}, or null for a stateless query. */
    public static StatefulStage of(LogicalPlan plan, EvalContext ctx, OutputMode mode) {
        if (LimitStage.runs(plan, mode)) {
            return new LimitStage((io.tideway.engine.plan.Limit) plan);
        }
        if (plan instanceof Aggregate a && a.isStreaming()) {
            if (SessionAggregationStage.sessionGroupingIndex(a) >= 0) {
                return new SessionAggregationStage(a, ctx, mode);
            }
            return new AggregationStage(a, ctx, mode);
        }
        if (plan instanceof Deduplicate d && d.isStreaming()) {
            return new DeduplicationStage(d, ctx);
        }
        if (plan instanceof io.tideway.engine.plan.Join j && j.left().isStreaming() && j.right().isStreaming()) {
            return new StreamStreamJoinStage(j, ctx);
        }
        if (plan instanceof FlatMapGroupsWithState f && f.isStreaming()) {
            return new GroupsWithStateStage(f, ctx, hasWatermark(f));
        }
        if (plan instanceof TransformWithState t && t.isStreaming()) {
            return new TransformWithStateStage(t, ctx, hasWatermark(t));
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
