package io.tideway.engine.exec;

import io.tideway.engine.plan.Aggregate;
import io.tideway.engine.plan.LogicalPlan;

import java.util.ArrayList;
import java.util.List;

/** Questions executors ask about a plan's shape: where the aggregate is, which leaves feed a segment. */
public final class PlanShape {
    private PlanShape() {
    }

    /** The highest Aggregate in the plan, or null. */
    public static Aggregate topAggregate(LogicalPlan plan) {
        if (plan instanceof Aggregate a) {
            return a;
        }
        for (LogicalPlan c : plan.children()) {
            Aggregate a = topAggregate(c);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    /** Leaves (nodes without children) below {@code plan}, in plan order. */
    public static List<LogicalPlan> leaves(LogicalPlan plan) {
        List<LogicalPlan> out = new ArrayList<>();
        collectLeaves(plan, out);
        return out;
    }

    private static void collectLeaves(LogicalPlan p, List<LogicalPlan> out) {
        if (p.children().isEmpty()) {
            out.add(p);
        }
        for (LogicalPlan c : p.children()) {
            collectLeaves(c, out);
        }
    }
}
