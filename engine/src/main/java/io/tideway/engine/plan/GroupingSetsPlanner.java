package io.tideway.engine.plan;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.GroupingFunction;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.Stack;
import io.tideway.engine.expr.fn.FunctionRegistry;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spark's {@code ResolveGroupingAnalytics} for {@code rollup}, {@code cube} and grouping sets:
 * an expansion of the input that gives each row once per grouping set, with copies of the
 * grouping columns, those not in the set nulled, and {@code spark_grouping_id} (bit
 * {@code n-1-j} set when grouping column {@code j} is not in the set), under an Aggregate keyed
 * on the copies and the id. The expansion is a {@link Generate} of {@code stack(...)}, so it runs
 * wherever a generator does, on tables and streams. Aggregate functions read the input's own
 * columns; elsewhere in an {@code agg()} column a grouping expression reads its copy, and
 * {@code grouping()}/{@code grouping_id()} read bits of the id. Stateless.
 */
public final class GroupingSetsPlanner {
    static final String GROUPING_ID = "spark_grouping_id";

    private GroupingSetsPlanner() {
    }

    /** Spark's rollup: {@code (c1..cn), (c1..cn-1), ..., ()}. */
    public static List<List<Integer>> rollupSets(int n) {
        List<List<Integer>> sets = new ArrayList<>();
        for (int k = n; k >= 0; k--) {
            List<Integer> set = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                set.add(j);
            }
            sets.add(set);
        }
        return sets;
    }

    /** Spark's cube, in its order ({@code cubeExprs}): {@code (a, b), (a), (b), ()}. */
    public static List<List<Integer>> cubeSets(int n) {
        List<List<Integer>> sets = new ArrayList<>();
        sets.add(new ArrayList<>());
        for (int j = n - 1; j >= 0; j--) {
            List<List<Integer>> with = new ArrayList<>();
            for (List<Integer> s : sets) {
                List<Integer> w = new ArrayList<>();
                w.add(j);
                w.addAll(s);
                with.add(w);
            }
            with.addAll(sets);
            sets = with;
        }
        return sets;
    }

    /**
     * The sets of {@code groupingSets(sets, cols)} as positions in {@code groupBy}, matched by
     * their resolved SQL text.
     */
    public static List<List<Integer>> positions(List<List<Column>> sets, List<Column> groupBy, LogicalPlan input) {
        List<String> keys = new ArrayList<>();
        for (Column c : groupBy) {
            keys.add(unaliased(Resolver.resolve(c.expr(), input)).sql());
        }
        List<List<Integer>> out = new ArrayList<>();
        for (List<Column> set : sets) {
            List<Integer> positions = new ArrayList<>();
            for (Column c : set) {
                Expression e = unaliased(Resolver.resolve(c.expr(), input));
                int at = keys.indexOf(e.sql());
                if (at < 0) {
                    throw Unchecked.raise(new AnalysisException("GROUPING_COLUMN_MISMATCH", Map.of(
                            "grouping", e.sql(), "groupingColumns", String.join(",", keys))));
                }
                positions.add(at);
            }
            out.add(positions);
        }
        return out;
    }

    /** The aggregation of {@code aggs} over {@code input} grouped by each of {@code sets} of {@code groupBy}. */
    public static LogicalPlan aggregate(List<Column> groupBy, List<List<Integer>> sets, List<Column> aggs,
                                        LogicalPlan input) {
        List<Expression> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Column c : groupBy) {
            AggregatePlanner.requireGroupingName(c.expr(), input);
            Expression g = Resolver.resolve(c.expr(), input);
            if (g.exists(e -> e instanceof AggregateFunction)) {
                throw Unchecked.raise(new AnalysisException("GROUP_BY_AGGREGATE", Map.of("sqlExpr", g.sql())));
            }
            names.add(NamedExpressions.nameOf(g));
            keys.add(unaliased(g));
        }
        names.add(GROUPING_ID);
        int width = input.schema().length();
        Generate expand = new Generate(stack(keys, sets), names, input, ordinals(width));
        List<Expression> grouping = new ArrayList<>();
        for (int j = 0; j < keys.size(); j++) {
            grouping.add(Resolver.reference(expand.schema(), width + j));
        }
        Expression gid = new BoundReference(width + keys.size(), DataTypes.LongType, false, GROUPING_ID); // never null
        grouping.add(gid);
        List<Expression> resolved = new ArrayList<>();
        for (Column c : aggs) {
            Expression a = Resolver.resolve(c.expr(), input);
            Expression replaced = a.transformUp(e -> e instanceof GroupingFunction f ? bits(f, keys, gid) : e);
            if (replaced != a && !(a instanceof Alias)) {
                replaced = new Alias(replaced, NamedExpressions.nameOf(a)); // Spark names it as written: grouping(a)
            }
            resolved.add(replaced);
        }
        // the Aggregate outputs the id too, where an agg() column may read it, and the Project drops it
        Project withId = (Project) AggregatePlanner.projectOverAggregate(grouping, new ArrayList<>(grouping), resolved,
                expand);
        List<Expression> columns = new ArrayList<>(withId.projectList());
        columns.remove(keys.size());
        return new Project(columns, withId.child());
    }

    /** {@code stack(k, set1..., gid1, set2..., gid2, ...)}: per set, each key or a null of its type, then the id. */
    private static Stack stack(List<Expression> keys, List<List<Integer>> sets) {
        List<Expression> args = new ArrayList<>();
        args.add(Literal.of(sets.size()));
        int n = keys.size();
        for (List<Integer> set : sets) {
            long id = 0;
            for (int j = 0; j < n; j++) {
                Expression k = keys.get(j);
                if (set.contains(j)) {
                    args.add(k);
                } else {
                    args.add(new Literal(null, k.dataType()));
                    id |= 1L << (n - 1 - j);
                }
            }
            args.add(Literal.of(id));
        }
        return new Stack(args);
    }

    /** {@code grouping(c)} as {@code CAST((gid >> (n-1-j)) & 1 AS TINYINT)}, {@code grouping_id()} as the id. */
    private static Expression bits(GroupingFunction f, List<Expression> keys, Expression gid) {
        List<String> keyText = new ArrayList<>();
        for (Expression k : keys) {
            keyText.add(k.sql());
        }
        if (f.isId()) {
            List<String> given = new ArrayList<>();
            for (Expression c : f.children()) {
                given.add(unaliased(c).sql());
            }
            if (!given.isEmpty() && !given.equals(keyText)) {
                throw Unchecked.raise(new AnalysisException("GROUPING_ID_COLUMN_MISMATCH", Map.of(
                        "groupingIdColumn", String.join(",", given), "groupByColumns", String.join(",", keyText))));
            }
            return gid;
        }
        int j = keyText.indexOf(unaliased(f.children().get(0)).sql());
        if (j < 0) {
            throw Unchecked.raise(new AnalysisException("GROUPING_COLUMN_MISMATCH", Map.of(
                    "grouping", f.children().get(0).sql(), "groupingColumns", String.join(",", keyText))));
        }
        Expression shifted = FunctionRegistry.call("shiftright", gid, Literal.of(keys.size() - 1 - j));
        return new Cast(FunctionRegistry.call("&", shifted, Literal.of(1L)), DataTypes.ByteType);
    }

    private static int[] ordinals(int width) {
        int[] all = new int[width];
        for (int i = 0; i < width; i++) {
            all[i] = i;
        }
        return all;
    }

    private static Expression unaliased(Expression e) {
        return e instanceof Alias a ? a.child() : e;
    }
}
