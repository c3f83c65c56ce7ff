package io.tideway.engine.plan;

import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Logical;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of Spark's {@code PushPredicateThroughNonJoin} that decides what a watermark sees: the
 * conjuncts of a filter directly above {@code withWatermark} that do not read the event-time
 * column go below it, so rows they remove never move the watermark; conjuncts on the event time
 * stay above. Spark pushes deterministic conjuncts only; every Tideway filter condition is
 * deterministic (no rand()/uuid()), so all qualify. Executors apply this to the plan they run,
 * as Spark's optimizer does to the analyzed plan. Stateless.
 */
public final class WatermarkFilterPushdown {
    private WatermarkFilterPushdown() {
    }

    /**
     * {@code plan} with the pushdown applied throughout; nodes it does not change are the same
     * objects (executors tell sources apart by identity), and {@code plan} itself if nothing moved.
     */
    public static LogicalPlan apply(LogicalPlan plan) {
        List<LogicalPlan> kids = plan.children();
        List<LogicalPlan> next = new ArrayList<>(kids.size());
        boolean changed = false;
        for (LogicalPlan k : kids) {
            LogicalPlan n = apply(k);
            changed |= n != k;
            next.add(n);
        }
        LogicalPlan self = changed ? plan.copy(next) : plan;
        return self instanceof Filter f && f.child() instanceof EventTimeWatermark w ? pushBelow(f, w) : self;
    }

    private static LogicalPlan pushBelow(Filter f, EventTimeWatermark w) {
        List<Expression> down = new ArrayList<>();
        List<Expression> up = new ArrayList<>();
        for (Expression c : conjuncts(f.condition(), new ArrayList<>())) {
            boolean readsEventTime = c.exists(e -> e instanceof BoundReference r && r.ordinal() == w.eventTimeOrdinal());
            (readsEventTime ? up : down).add(c);
        }
        if (down.isEmpty()) {
            return f;
        }
        // the watermark passes its child's columns through by position, so the ordinals still hold
        EventTimeWatermark pushed = w.withNewChild(new Filter(and(down), w.child()));
        return up.isEmpty() ? pushed : new Filter(and(up), pushed);
    }

    private static List<Expression> conjuncts(Expression e, List<Expression> out) {
        if (e instanceof Logical l && l.isAnd()) {
            conjuncts(l.left(), out);
            conjuncts(l.right(), out);
        } else {
            out.add(e);
        }
        return out;
    }

    private static Expression and(List<Expression> conjuncts) {
        Expression all = conjuncts.get(0);
        for (int i = 1; i < conjuncts.size(); i++) {
            all = new Logical(true, all, conjuncts.get(i));
        }
        return all;
    }
}
