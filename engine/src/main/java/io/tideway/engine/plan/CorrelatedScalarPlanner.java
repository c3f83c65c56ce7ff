package io.tideway.engine.plan;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.Logical;
import io.tideway.engine.expr.OuterReference;
import io.tideway.sql.Column;
import io.tideway.sql.functions;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A correlated {@code scalar()}: an aggregate without grouping over filters that equate the inner
 * rows' columns with the outer row's ({@code s.where(col("s.k").equalTo(col("t.k").outer()))
 * .select(max("v")).scalar()}), decorrelated as Spark's {@code RewriteCorrelatedScalarSubquery}:
 * the aggregate grouped by the inner side of those equalities, left-outer-joined to the outer rows
 * on them; an outer row without a group gets what the aggregate gives for no rows ({@code count}
 * 0, else null). Stateless.
 */
final class CorrelatedScalarPlanner {
    private CorrelatedScalarPlanner() {
    }

    /** The join and the value's expression over it. */
    record Joined(LogicalPlan plan, Expression value) {
    }

    /**
     * {@code outer} joined with the groups of {@code sub}; null when {@code sub} is not a (projected)
     * aggregate without grouping directly over filters whose correlated conjuncts are equalities.
     * {@code emptyValue} computes a plan's one value (the aggregate over no rows).
     */
    static Joined join(LogicalPlan outer, LogicalPlan sub, Function<LogicalPlan, Object> emptyValue) {
        List<Project> top = new ArrayList<>();
        LogicalPlan n = sub;
        while (n instanceof Project p) {
            top.add(p);
            n = p.child();
        }
        if (!(n instanceof Aggregate agg) || !agg.grouping().isEmpty()) {
            return null;
        }
        List<Expression> inner = new ArrayList<>();
        List<Expression[]> keys = new ArrayList<>();
        LogicalPlan base = agg.child();
        while (base instanceof Filter f) {
            for (Expression c : conjuncts(f.condition())) {
                if (!c.exists(x -> x instanceof OuterReference)) {
                    inner.add(c);
                } else if (c instanceof Comparison cmp && cmp.op() == Comparison.Op.EQ && key(cmp.left(), cmp.right()) != null) {
                    keys.add(key(cmp.left(), cmp.right()));
                } else if (c instanceof Comparison cmp && cmp.op() == Comparison.Op.EQ && key(cmp.right(), cmp.left()) != null) {
                    keys.add(key(cmp.right(), cmp.left()));
                } else {
                    return null;
                }
            }
            base = f.child();
        }
        if (keys.isEmpty() || LateralJoinPlanner.correlated(base)
                || top.stream().anyMatch(p -> p.projectList().stream().anyMatch(e -> e.exists(x -> x instanceof OuterReference)))) {
            return null;
        }
        LogicalPlan rows = base;
        for (Expression c : inner) {
            rows = new Filter(c, rows);
        }
        List<Expression> outputs = new ArrayList<>(agg.outputs());
        List<Expression> grouping = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            grouping.add(keys.get(i)[0]);
            outputs.add(new Alias(keys.get(i)[0], "__key" + i));
        }
        LogicalPlan grouped = new Aggregate(grouping, outputs, rows);
        int width = outer.schema().length();
        Expression on = null;
        for (int i = 0; i < keys.size(); i++) {
            Expression outerKey = keys.get(i)[1].transformUp(x -> x instanceof OuterReference o ? Resolver.resolve(o.column(), outer) : x);
            int at = width + agg.outputs().size() + i;
            Expression eq = new Comparison(Comparison.Op.EQ, new BoundReference(at, keys.get(i)[0].dataType(), true, "__key" + i),
                    outerKey);
            on = on == null ? eq : new Logical(true, on, eq);
        }
        LogicalPlan joined = JoinPlanner.join(outer, grouped, on, JoinType.LEFT_OUTER);
        // the value: the top projections, the highest first, over the aggregate's outputs
        Expression value = top.isEmpty() ? Resolver.reference(agg.schema(), 0) : unaliased(top.get(0).projectList().get(0));
        for (int i = 1; i < top.size(); i++) {
            List<Expression> below = top.get(i).projectList();
            value = value.transformUp(x -> x instanceof BoundReference r ? unaliased(below.get(r.ordinal())) : x);
        }
        Expression over = value.transformUp(x -> x instanceof BoundReference r
                ? new BoundReference(width + r.ordinal(), r.dataType(), true, r.name()) : x);
        LogicalPlan empty = new Aggregate(List.of(), agg.outputs(), new Filter(new Literal(false, DataTypes.BooleanType), base));
        for (int i = top.size() - 1; i >= 0; i--) {
            empty = top.get(i).withNewChild(empty);
        }
        Object none = emptyValue.apply(empty);
        if (none != null) {
            Expression unmatched = new BoundReference(width + agg.outputs().size(), keys.get(0)[0].dataType(), true, "__key0");
            over = functions.when(new Column(unmatched).isNull(), functions.lit(none)).otherwise(new Column(over)).expr();
        }
        return new Joined(joined, over);
    }

    /** {@code [inner, outer]} when {@code inner} reads no outer column and {@code outer} reads only outer ones. */
    private static Expression[] key(Expression inner, Expression outer) {
        boolean innerClean = !inner.exists(x -> x instanceof OuterReference);
        boolean outerOnly = outer.exists(x -> x instanceof OuterReference) && !outer.exists(x -> x instanceof BoundReference);
        return innerClean && outerOnly ? new Expression[] {inner, outer} : null;
    }

    private static Expression unaliased(Expression e) {
        return e instanceof Alias a ? a.child() : e;
    }

    private static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (e instanceof Logical l && l.isAnd()) {
            out.addAll(conjuncts(l.left()));
            out.addAll(conjuncts(l.right()));
        } else {
            out.add(e);
        }
        return out;
    }
}
