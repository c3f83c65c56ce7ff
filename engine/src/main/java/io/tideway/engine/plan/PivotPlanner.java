package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Count;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.agg.FirstLast;
import io.tideway.engine.expr.fn.FunctionRegistry;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.types.BooleanType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.NumericType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spark's {@code ResolvePivot} for {@code groupBy(...).pivot(col, values).agg(...)}: one column
 * per pivot value and aggregate, each aggregate fed only the rows whose pivot column equals the
 * value ({@code if(p <=> v, x, null)}). When every aggregate gives a type Spark's
 * {@code PivotFirst} carries (numbers and booleans), Spark aggregates per (group, pivot value)
 * first, so a value no row of the group has gives null rather than the aggregate of no rows
 * (a {@code count} of 0); the column is then guarded by whether any row matched. Stateless.
 */
public final class PivotPlanner {
    private PivotPlanner() {
    }

    /** The pivoted aggregation of {@code aggs} over {@code input}. */
    public static LogicalPlan aggregate(List<Column> groupBy, Column pivot, List<Column> values, List<Column> aggs,
                                        LogicalPlan input) {
        Expression p = unaliased(Resolver.resolve(pivot.expr(), input));
        List<Expression> resolvedAggs = new ArrayList<>();
        boolean pivotFirst = true;
        for (Column c : aggs) {
            Expression a = Resolver.resolve(c.expr(), input);
            if (!a.exists(e -> e instanceof AggregateFunction)) {
                throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1006", Map.of("sql", unaliased(a).sql())));
            }
            pivotFirst &= carriedByPivotFirst(a.dataType());
            resolvedAggs.add(a);
        }
        List<Column> columns = new ArrayList<>();
        for (Column v : values) {
            Expression value = Resolver.resolve(v.expr(), input);
            if (!(unaliased(value) instanceof Literal lit)) {
                throw Unchecked.raise(new AnalysisException("NON_LITERAL_PIVOT_VALUES", Map.of(
                        "expression", ErrorParams.expr(value.sql()))));
            }
            Expression matches = FunctionRegistry.call("<=>", p, new Cast(lit, p.dataType()));
            String valueName = value instanceof Alias a ? a.name() : text(lit.value());
            for (Expression a : resolvedAggs) {
                Expression filtered = filter(a instanceof Alias al ? al.child() : a, matches);
                if (pivotFirst) {
                    Expression any = new Comparison(Comparison.Op.GT, new Count(FunctionRegistry.call("if", matches,
                            Literal.of(1), Literal.of(null))), Literal.of(0L));
                    filtered = FunctionRegistry.call("if", any, filtered, new Literal(null, filtered.dataType()));
                }
                String name = resolvedAggs.size() == 1 ? valueName : valueName + "_" + NamedExpressions.nameOf(a);
                columns.add(new Column(new Alias(filtered, name)));
            }
        }
        return AggregatePlanner.aggregate(groupBy, columns, input);
    }

    /** Each aggregate function in {@code e} fed {@code if(matches, input, null)}; first/last then skip nulls, as Spark. */
    private static Expression filter(Expression e, Expression matches) {
        if (e instanceof AggregateFunction f) {
            List<Expression> inputs = new ArrayList<>();
            for (Expression c : f.children()) {
                inputs.add(FunctionRegistry.call("if", matches, c, new Literal(null, c.dataType())));
            }
            if (f instanceof FirstLast fl) {
                return new FirstLast(fl.name(), inputs.get(0), true);
            }
            return f.withChildren(inputs);
        }
        List<Expression> children = e.children();
        if (children.isEmpty()) {
            return e;
        }
        List<Expression> out = new ArrayList<>(children.size());
        for (Expression c : children) {
            out.add(filter(c, matches));
        }
        return e.withChildren(out);
    }

    /** Spark's {@code PivotFirst.supportsDataType}. */
    private static boolean carriedByPivotFirst(DataType t) {
        return t instanceof NumericType || t instanceof DecimalType || t instanceof BooleanType;
    }

    /** A pivot value as Spark names its column: the value cast to a string, {@code null} for null. */
    private static String text(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof java.sql.Timestamp ts) {
            String s = ts.toLocalDateTime().toString().replace('T', ' ');
            return s.length() == 16 ? s + ":00" : s;
        }
        return v.toString();
    }

    private static Expression unaliased(Expression e) {
        return e instanceof Alias a ? a.child() : e;
    }
}
