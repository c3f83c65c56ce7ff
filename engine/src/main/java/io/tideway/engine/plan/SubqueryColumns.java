package io.tideway.engine.plan;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.Logical;
import io.tideway.engine.expr.Not;
import io.tideway.engine.expr.OuterReference;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Columns that are Datasets ({@link SubqueryExpression}) planned as joins, the way Spark's
 * optimizer rewrites them: an uncorrelated {@code scalar()} is a left outer join with its one row,
 * read as the column {@code scalarsubquery()}, a correlated one an aggregate grouped by its
 * correlation and joined on it ({@link CorrelatedScalarPlanner}, {@code scalarsubquery(k)}); a filter's conjunct {@code exists()} (or its
 * negation) is a left semi (anti) join, whose condition is the subquery's filters that read the
 * outer row through {@code outer()} ({@link LateralJoinPlanner}). Stateless.
 */
public final class SubqueryColumns {
    private SubqueryColumns() {
    }

    /** An input plan and the columns to compute over it. */
    public record Planned(LogicalPlan plan, List<Column> columns) {
    }

    /** Whether {@code e} holds a subquery column. */
    public static boolean has(Expression e) {
        return e.exists(x -> x instanceof SubqueryExpression);
    }

    /** {@code columns} over {@code plan}, their scalar subqueries joined to it. */
    public static Planned scalars(LogicalPlan plan, List<Column> columns, Function<LogicalPlan, Object> emptyValue) {
        if (columns.stream().noneMatch(c -> has(c.expr()))) {
            return new Planned(plan, columns);
        }
        LogicalPlan[] in = {plan};
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            out.add(new Column(c.expr().transformUp(x -> {
                if (x instanceof SubqueryExpression s) {
                    if (s.isExists()) {
                        throw unsupported("exists() outside a filter's conjuncts");
                    }
                    String name = "scalarsubquery()";
                    if (LateralJoinPlanner.correlated(s.plan())) {
                        CorrelatedScalarPlanner.Joined j = CorrelatedScalarPlanner.join(in[0], s.plan(), emptyValue);
                        if (j == null) {
                            throw unsupported("scalar() of a Dataset that reads outer columns other than an aggregate "
                                    + "filtered by equalities with them");
                        }
                        name = "scalarsubquery(" + outerNames(s.plan()) + ")";
                        in[0] = withColumn(j.plan(), j.value(), in[0].schema().length());
                    } else {
                        in[0] = joinScalar(in[0], s);
                    }
                    int i = in[0].schema().length() - 1;
                    return new BoundReference(i, in[0].schema().apply(i).dataType(), true, name);
                }
                return x;
            })));
        }
        return new Planned(in[0], out);
    }

    /** The rows of {@code plan} for which {@code condition} holds; its EXISTS conjuncts become semi or anti joins. */
    public static LogicalPlan filter(LogicalPlan plan, Expression condition, BiFunction<LogicalPlan, Column, LogicalPlan> filter,
                                     Function<LogicalPlan, Object> emptyValue) {
        LogicalPlan in = plan;
        Expression rest = null;
        for (Expression c : conjuncts(condition)) {
            SubqueryExpression exists = c instanceof SubqueryExpression s && s.isExists() ? s
                    : c instanceof Not n && n.children().get(0) instanceof SubqueryExpression s && s.isExists() ? s : null;
            if (exists != null) {
                in = LateralJoinPlanner.join(in, exists.plan(), null, c instanceof Not ? JoinType.LEFT_ANTI : JoinType.LEFT_SEMI);
            } else {
                rest = rest == null ? c : new Logical(true, rest, c);
            }
        }
        if (rest == null) {
            return in;
        }
        Planned p = scalars(in, List.of(new Column(rest)), emptyValue);
        LogicalPlan filtered = filter.apply(p.plan(), p.columns().get(0));
        return p.plan() == in ? filtered : MissingReferences.projectBack(filtered, in.schema());
    }

    /** {@code joined}'s first {@code width} columns (the outer rows'), then {@code value}. */
    private static LogicalPlan withColumn(LogicalPlan joined, Expression value, int width) {
        List<Expression> out = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            out.add(Resolver.reference(joined.schema(), i));
        }
        out.add(new Alias(value, "__scalarsubquery_" + width));
        return new Project(out, joined);
    }

    /** The outer columns {@code plan} reads, by name, each once: Spark names a correlated scalar subquery by them. */
    private static String outerNames(LogicalPlan plan) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        List<LogicalPlan> nodes = new ArrayList<>();
        plan.collect(nodes);
        for (LogicalPlan n : nodes) {
            if (n instanceof Filter f) {
                f.condition().exists(e -> {
                    if (e instanceof OuterReference o && o.column() instanceof io.tideway.engine.expr.UnresolvedAttribute a) {
                        names.add(a.name().substring(a.name().lastIndexOf('.') + 1));
                    }
                    return false;
                });
            }
        }
        return String.join(", ", names);
    }

    private static LogicalPlan joinScalar(LogicalPlan in, SubqueryExpression s) {
        if (s.plan().schema().length() != 1) {
            // Spark's CheckAnalysis raises it, with the plan it checked
            throw Unchecked.raise(new ExtendedAnalysisException(new AnalysisException(
                    "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN",
                    Map.of("number", String.valueOf(s.plan().schema().length()))), in));
        }
        BoundReference value = Resolver.reference(s.plan().schema(), 0);
        LogicalPlan one = new Project(List.of(new Alias(value, "__scalarsubquery_" + in.schema().length())), s.plan());
        return JoinPlanner.join(in, one, new Literal(true, DataTypes.BooleanType), JoinType.LEFT_OUTER);
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

    private static RuntimeException unsupported(String what) {
        throw Unchecked.raise(new AnalysisException("Tideway does not support " + what + " yet (#15)"));
    }
}
