package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.BoundReference;
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
 * per pivot value and aggregate, in Spark's two plans. When every aggregate gives a type Spark's
 * {@code PivotFirst} carries (numbers and booleans), it aggregates per (group, pivot value) and
 * then picks each value's result, so a value no row of the group has gives null (not a
 * {@code count} of 0); otherwise each aggregate is fed only the rows whose pivot column equals
 * the value ({@code if(p <=> v, x, null)}), so a {@code collect_list} gives {@code []}. Stateless.
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
        List<Literal> literals = new ArrayList<>();
        List<String> valueNames = new ArrayList<>();
        for (Column v : values) {
            Expression value = Resolver.resolve(v.expr(), input);
            if (!(unaliased(value) instanceof Literal lit)) {
                throw Unchecked.raise(new AnalysisException("NON_LITERAL_PIVOT_VALUES", Map.of(
                        "expression", ErrorParams.expr(value.sql()))));
            }
            literals.add(lit);
            valueNames.add(value instanceof Alias a ? a.name() : text(lit.value()));
        }
        return pivotFirst ? twoSteps(groupBy, pivot, p, literals, valueNames, resolvedAggs, input)
                : filtered(groupBy, p, literals, valueNames, resolvedAggs, input);
    }

    /**
     * Spark's plan when every aggregate is numeric or boolean: the aggregates per group and pivot
     * value first, then per group each value's aggregate picked out (Spark's {@code PivotFirst},
     * here {@code first(if(p <=> v, agg, null), true)}), null for a value the group lacks. Being
     * two aggregations, it is refused on a stream as Spark refuses it.
     */
    private static LogicalPlan twoSteps(List<Column> groupBy, Column pivot, Expression p, List<Literal> values,
                                        List<String> valueNames, List<Expression> aggs, LogicalPlan input) {
        List<Column> keys = new ArrayList<>(groupBy);
        keys.add(pivot.expr() instanceof Alias || p instanceof BoundReference ? pivot
                : new Column(new Alias(p, "__pivot_col")));
        List<Column> named = new ArrayList<>();
        for (Expression a : aggs) {
            named.add(new Column(new Alias(unaliased(a), unaliased(a).sql())));
        }
        LogicalPlan first = AggregatePlanner.aggregate(keys, named, input);
        int g = groupBy.size();
        List<Column> outerKeys = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            outerKeys.add(new Column(Resolver.reference(first.schema(), i)));
        }
        Expression pivotValue = Resolver.reference(first.schema(), g);
        List<Column> columns = new ArrayList<>();
        for (int v = 0; v < values.size(); v++) {
            Expression matches = FunctionRegistry.call("<=>", pivotValue, new Cast(values.get(v), p.dataType()));
            for (int i = 0; i < aggs.size(); i++) {
                Expression agg = Resolver.reference(first.schema(), g + 1 + i);
                Expression picked = new FirstLast("first", FunctionRegistry.call("if", matches, agg,
                        new Literal(null, agg.dataType())), true);
                columns.add(new Column(new Alias(picked, outputName(valueNames.get(v), aggs.get(i), aggs.size()))));
            }
        }
        return AggregatePlanner.aggregate(outerKeys, columns, first);
    }

    /** Spark's other plan: one aggregation, each aggregate fed only its value's rows. */
    private static LogicalPlan filtered(List<Column> groupBy, Expression p, List<Literal> values, List<String> valueNames,
                                        List<Expression> aggs, LogicalPlan input) {
        List<Column> columns = new ArrayList<>();
        for (int v = 0; v < values.size(); v++) {
            Expression matches = FunctionRegistry.call("<=>", p, new Cast(values.get(v), p.dataType()));
            for (Expression a : aggs) {
                Expression filtered = filter(unaliased(a), matches);
                columns.add(new Column(new Alias(filtered, outputName(valueNames.get(v), a, aggs.size()))));
            }
        }
        return AggregatePlanner.aggregate(groupBy, columns, input);
    }

    /** {@code value} alone for one aggregate, else {@code value_aggregate}. */
    private static String outputName(String value, Expression aggregate, int aggregates) {
        return aggregates == 1 ? value : value + "_" + NamedExpressions.nameOf(aggregate);
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
