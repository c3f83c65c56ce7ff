package io.tideway.engine.plan;

import io.tideway.engine.expr.AttributeSource;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;

import java.util.List;

/**
 * Where a column of one Dataset's plan lands in a plan built on it. Spark binds
 * {@code df.col("x")} to the attribute id of {@code df}'s {@code x}, which survives filters,
 * projections that pass {@code x} through, both sides of a join and the first branch of a union;
 * Tideway has ordinals only, so it follows those pass-through columns down the tree. Stateless.
 */
public final class AttributeLineage {
    private AttributeLineage() {
    }

    /**
     * The ordinal in {@code plan}'s output of {@code origin}'s column {@code name}, or -1 when
     * {@code plan} does not carry that column (or the path to it is one this class does not follow).
     */
    public static int ordinalOf(LogicalPlan plan, AttributeSource origin, String name) {
        if (!(origin instanceof LogicalPlan source) || !contains(plan, source)) {
            return -1;
        }
        return ordinalOf(plan, source, Resolver.ordinalOf(name, source.schema()));
    }

    /**
     * The ordinal in {@code plan}'s output of {@code origin}'s column {@code column} (an ordinal
     * of {@code origin}'s output), or -1 when {@code plan} does not carry it.
     */
    public static int ordinalOf(LogicalPlan plan, LogicalPlan origin, int column) {
        if (column < 0) {
            return -1;
        }
        if (plan == origin) {
            return column;
        }
        if (plan instanceof Join j) {
            int l = ordinalOf(j.left(), origin, column);
            if (l >= 0 || j.joinType().leftOnly()) {
                return l;
            }
            int r = ordinalOf(j.right(), origin, column);
            return r < 0 ? -1 : j.left().schema().length() + r;
        }
        if (plan instanceof Union u) {
            return ordinalOf(u.children().get(0), origin, column); // a union's output is its first child's
        }
        if (plan instanceof Filter || plan instanceof EventTimeWatermark || plan instanceof Deduplicate
                || plan instanceof SubqueryAlias || plan instanceof Sort || plan instanceof Limit || plan instanceof Offset) {
            return ordinalOf(plan.children().get(0), origin, column); // same columns as the child
        }
        if (plan instanceof Project p) {
            return passedThrough(p.projectList(), ordinalOf(p.child(), origin, column));
        }
        if (plan instanceof Generate g) {
            int c = ordinalOf(g.child(), origin, column);
            int[] kept = g.requiredChildOrdinals();
            for (int i = 0; c >= 0 && i < kept.length; i++) {
                if (kept[i] == c) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The output position of a bare reference to child column {@code c}, or -1. */
    private static int passedThrough(List<Expression> outputs, int c) {
        for (int i = 0; c >= 0 && i < outputs.size(); i++) {
            if (outputs.get(i) instanceof BoundReference r && r.ordinal() == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(LogicalPlan plan, LogicalPlan node) {
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
}
