package io.tideway.engine.plan;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Logical;
import io.tideway.engine.expr.OuterReference;
import io.tideway.sql.AnalysisException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code left.lateralJoin(right[, condition][, joinType])}: the right Dataset may read the left's
 * columns through {@link OuterReference}s ({@code col("l.k").outer()}) in its filters. Decorrelated
 * as Spark's optimizer does for that shape: the projections and filters above the lowest
 * correlated filter are lifted over a join of the left rows with the rows below it, whose condition
 * is the correlated filters and the lateral join's own condition. A right side without outer
 * references is a plain join. Stateless.
 */
public final class LateralJoinPlanner {
    private LateralJoinPlanner() {
    }

    /**
     * The lateral join of {@code left} and {@code right}; {@code condition} may be null. {@code type}
     * is inner, cross, left outer, or left semi (anti) for {@code exists()}, whose output is the
     * left's columns only.
     */
    public static LogicalPlan join(LogicalPlan left, LogicalPlan right, Expression condition, JoinType type) {
        List<UnaryNode> lifted = new ArrayList<>();
        LogicalPlan base = right;
        while (correlated(base)) {
            if (!(base instanceof Project || base instanceof Filter)) {
                throw Unchecked.raise(new AnalysisException("Tideway's lateralJoin reads outer columns only in the "
                        + "filters and projections of the right Dataset, not in " + base.nodeName()));
            }
            lifted.add((UnaryNode) base);
            base = ((UnaryNode) base).child();
        }
        int width = left.schema().length();
        List<Expression> filters = new ArrayList<>();
        // the lifted nodes, from the lowest up, over the left columns followed by the base's
        List<Expression> output = identity(left, base);
        for (int i = lifted.size() - 1; i >= 0; i--) {
            UnaryNode n = lifted.get(i);
            if (n instanceof Filter f) {
                filters.add(rebind(f.condition(), output, left));
            } else {
                List<Expression> next = new ArrayList<>(output.subList(0, width));
                for (Expression e : ((Project) n).projectList()) {
                    next.add(rebind(e, output, left));
                }
                output = next;
            }
        }
        JoinType joinType = type == JoinType.CROSS ? JoinType.INNER : type;
        if (condition != null) { // the lateral join's own condition, over its output, read over the joined row
            LogicalPlan shape = new Project(output, JoinPlanner.join(left, base, null, joinType));
            List<Expression> columns = output;
            filters.add(Resolver.resolve(condition, shape).transformUp(x -> x instanceof BoundReference r
                    ? unaliased(columns.get(r.ordinal())) : x));
        }
        Expression on = null;
        for (Expression f : filters) {
            on = on == null ? f : new Logical(true, on, f);
        }
        if (on == null && joinType.leftOnly()) { // an uncorrelated exists(): every left row or none
            on = new io.tideway.engine.expr.Literal(true, io.tideway.sql.types.DataTypes.BooleanType);
        }
        LogicalPlan joined = JoinPlanner.join(left, base, on, joinType);
        return lifted.isEmpty() || joinType.leftOnly() ? joined : new Project(output, joined);
    }

    private static Expression unaliased(Expression e) {
        return e instanceof Alias a ? a.child() : e;
    }

    /** Whether {@code plan} or a node below it reads an outer column. */
    static boolean correlated(LogicalPlan plan) {
        List<LogicalPlan> nodes = new ArrayList<>();
        plan.collect(nodes);
        for (LogicalPlan n : nodes) {
            if (n instanceof Filter f && f.condition().exists(e -> e instanceof OuterReference)
                    || n instanceof Project p && p.projectList().stream().anyMatch(e -> e.exists(x -> x instanceof OuterReference))) {
                return true;
            }
        }
        return false;
    }

    /** References to the joined row's columns: the left's, then the base's. */
    private static List<Expression> identity(LogicalPlan left, LogicalPlan base) {
        List<Expression> out = new ArrayList<>();
        int width = left.schema().length();
        for (int i = 0; i < width; i++) {
            out.add(Resolver.reference(left.schema(), i));
        }
        for (int i = 0; i < base.schema().length(); i++) {
            BoundReference r = Resolver.reference(base.schema(), i);
            out.add(new BoundReference(width + i, r.dataType(), r.nullable(), r.name(), r.metadata()));
        }
        return out;
    }

    /**
     * {@code e}, bound to its node's input, over the joined row: its column {@code i} is the
     * lifted input's {@code i}-th expression after the left columns, and an outer reference is
     * the left's column.
     */
    private static Expression rebind(Expression e, List<Expression> input, LogicalPlan left) {
        int width = left.schema().length();
        return e.transformUp(x -> {
            if (x instanceof BoundReference r) {
                return unaliased(input.get(width + r.ordinal()));
            }
            if (x instanceof OuterReference o) {
                return Resolver.resolve(o.column(), left);
            }
            return x;
        });
    }
}
