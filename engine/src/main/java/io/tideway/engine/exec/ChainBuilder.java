package io.tideway.engine.exec;

import io.tideway.engine.codegen.ChainCompiler;
import io.tideway.engine.codegen.ChainStage;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.EventTimeWatermark;
import io.tideway.engine.plan.Filter;
import io.tideway.engine.plan.Generate;
import io.tideway.engine.plan.Join;
import io.tideway.engine.plan.JoinType;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.Project;
import io.tideway.engine.plan.TimeWindowExpand;
import io.tideway.engine.plan.TypedOperator;
import io.tideway.engine.plan.Union;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles the map-like part of a plan — the path from a leaf (a source, or an aggregate whose
 * rows are emitted by the aggregator) up to the top — into one fused chain of operators ending
 * in {@code downstream}. Each task builds its own chain. Both executors use it. A run of
 * consecutive projections and filters whose expressions are all supported becomes one generated
 * operator ({@link ChainCompiler}); anything else, or a run it cannot generate, becomes the
 * interpreted operators.
 */
public final class ChainBuilder {
    private ChainBuilder() {
    }

    /**
     * @param top        the highest node of the segment (its rows reach {@code downstream})
     * @param leaf       the node whose rows enter the chain
     * @param downstream where the segment's output goes
     * @return the operator that accepts the leaf's rows
     */
    public static Operator build(LogicalPlan top, LogicalPlan leaf, Operator downstream, EvalContext ctx) {
        return build(top, leaf, downstream, ctx, true);
    }

    /** As {@link #build(LogicalPlan, LogicalPlan, Operator, EvalContext)}; {@code codegen} false keeps every operator interpreted. */
    public static Operator build(LogicalPlan top, LogicalPlan leaf, Operator downstream, EvalContext ctx, boolean codegen) {
        return build(top, leaf, 0, downstream, ctx, codegen);
    }

    /**
     * The chain for the {@code occurrence}-th place (in plan order, from 0) where {@code leaf} stands
     * below {@code top}: one Dataset may stand at several places (a self-join, a self-union), and each
     * place has its own path up to {@code top}.
     */
    public static Operator build(LogicalPlan top, LogicalPlan leaf, int occurrence, Operator downstream, EvalContext ctx,
            boolean codegen) {
        if (top == leaf) {
            return downstream;
        }
        if (codegen && (top instanceof Project || top instanceof Filter)) {
            Operator fused = buildGenerated(top, leaf, occurrence, downstream, ctx);
            if (fused != null) {
                return fused;
            }
        }
        Operator op;
        LogicalPlan child;
        if (top instanceof Project p) {
            child = p.child();
            op = isIdentity(p) ? downstream : new ProjectOperator(p.projectList(), child.schema().length(), ctx, downstream);
        } else if (top instanceof Filter f) {
            child = f.child();
            op = new FilterOperator(f.condition(), child.schema().length(), ctx, downstream);
        } else if (top instanceof Generate g) {
            child = g.child();
            op = new GenerateOperator(g, ctx, downstream);
        } else if (top instanceof EventTimeWatermark w) {
            child = w.child();
            op = new EventTimeStatsOperator(w.eventTimeOrdinal(), child.schema().length(), ctx.eventTimeStats(w), downstream);
        } else if (top instanceof io.tideway.engine.plan.SessionWindowExpand e) {
            child = e.child();
            op = new SessionWindowOperator(e, ctx, downstream);
        } else if (top instanceof TimeWindowExpand e) {
            child = e.child();
            op = new TimeWindowOperator(e, downstream);
        } else if (top instanceof Join j) {
            boolean probeIsLeft = probeIsLeft(j);
            int onLeft = count(j.left(), leaf);
            boolean viaLeft = occurrence < onLeft;
            if (viaLeft != probeIsLeft) {
                return DISCARD; // the build side is read whole by the probe side's JoinOperator
            }
            child = probeIsLeft ? j.left() : j.right();
            occurrence = viaLeft ? occurrence : occurrence - onLeft;
            op = new JoinOperator(j, probeIsLeft, ctx, downstream);
        } else if (top instanceof TypedOperator t) {
            child = t.child();
            op = TypedOperators.create(t, downstream);
        } else if (top instanceof io.tideway.engine.plan.CollectMetrics m) {
            child = m.child();
            op = m.key().wanted() ? new ObserveOperator(m, ctx, downstream) : downstream;
        } else if (top instanceof io.tideway.engine.plan.SubqueryAlias a) {
            child = a.child();
            op = downstream;
        } else if (top instanceof Union u) {
            child = null;
            for (LogicalPlan c : u.children()) {
                int here = count(c, leaf);
                if (occurrence < here) {
                    child = c;
                    break;
                }
                occurrence -= here;
            }
            op = downstream;
        } else {
            throw new IllegalStateException("Not a map-like operator: " + top.nodeName());
        }
        if (child == null) {
            throw new IllegalStateException("leaf " + leaf.nodeName() + " is not below " + top.nodeName());
        }
        return build(child, leaf, occurrence, op, ctx, codegen);
    }

    /**
     * The longest run of projections and filters from {@code top} down that generates, compiled
     * into one operator, and what is below it built as usual; null if not even {@code top}
     * alone generates.
     */
    private static Operator buildGenerated(LogicalPlan top, LogicalPlan leaf, int occurrence, Operator downstream,
            EvalContext ctx) {
        List<LogicalPlan> run = new ArrayList<>();
        for (LogicalPlan n = top; n != leaf && (n instanceof Project || n instanceof Filter); n = n.children().get(0)) {
            run.add(n);
        }
        for (int k = run.size(); k > 0; k--) {
            List<ChainStage> stages = new ArrayList<>();
            for (int i = k - 1; i >= 0; i--) {
                if (run.get(i) instanceof Filter f) {
                    stages.add(ChainStage.filter(f.condition()));
                } else if (!isIdentity((Project) run.get(i))) {
                    stages.add(ChainStage.project(((Project) run.get(i)).projectList()));
                }
            }
            LogicalPlan below = run.get(k - 1).children().get(0);
            Operator fused = stages.isEmpty() ? downstream : ChainCompiler.compile(stages, below.schema().length(), downstream, ctx);
            if (fused != null) {
                return build(below, leaf, occurrence, fused, ctx, true);
            }
        }
        return null;
    }

    private static final Operator DISCARD = (buffer, offset, length) -> {
    };

    /**
     * The side whose rows stream through the join: the streaming side of a stream-static join; for
     * a static join, the side an outer join preserves (the left of a full outer join, whose
     * operator adds the right's unmatched rows at the end). Both-streaming joins are not run here;
     * start() rejects a full outer stream-static join, as Spark does.
     */
    private static boolean probeIsLeft(Join j) {
        if (j.left().isStreaming() != j.right().isStreaming()) {
            return j.left().isStreaming();
        }
        if (j.left().isStreaming()) {
            throw Unchecked.raise(new io.tideway.sql.AnalysisException("Tideway does not run stream-stream joins yet"));
        }
        return j.joinType() != JoinType.RIGHT_OUTER;
    }

    /** How many places {@code node} stands at in {@code plan} (itself or below). */
    static int count(LogicalPlan plan, LogicalPlan node) {
        if (plan == node) {
            return 1;
        }
        int n = 0;
        for (LogicalPlan c : plan.children()) {
            n += count(c, node);
        }
        return n;
    }

    /** Whether {@code node} is {@code plan} or below it. */
    public static boolean contains(LogicalPlan plan, LogicalPlan node) {
        if (plan == node) {
            return true;
        }
        for (LogicalPlan c : plan.children()) {
            if (contains(c, node)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdentity(Project p) {
        var input = p.child().schema();
        if (p.projectList().size() != input.length()) {
            return false;
        }
        for (int i = 0; i < input.length(); i++) {
            if (!(p.projectList().get(i) instanceof io.tideway.engine.expr.BoundReference r) || r.ordinal() != i
                    || !r.name().equals(input.apply(i).name())) {
                return false;
            }
        }
        return true;
    }
}
