package io.tideway.engine.expr.fn;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.agg.ApproxCountDistinct;
import io.tideway.engine.expr.agg.ApproxPercentile;
import io.tideway.engine.expr.agg.BoolAggregate;
import io.tideway.engine.expr.agg.HllSketchAggregate;
import io.tideway.engine.expr.agg.HllSketches;
import io.tideway.engine.expr.agg.HllUnionAggregate;
import io.tideway.engine.expr.agg.CentralMoment;
import io.tideway.engine.expr.agg.Collect;
import io.tideway.engine.expr.agg.CountIf;
import io.tideway.engine.expr.agg.Covariance;
import io.tideway.engine.expr.agg.ExtremeBy;
import io.tideway.engine.expr.agg.FirstLast;
import io.tideway.engine.expr.agg.Mode;
import io.tideway.engine.expr.agg.Percentile;
import io.tideway.sql.AnalysisException;

import java.util.Map;

/**
 * The aggregate functions beyond count/sum/avg/min/max ({@link CoreFunctions}): each name
 * builds its {@code io.tideway.engine.expr.agg} expression; the column Spark prints is the
 * name the query used ({@code std(x)}, {@code every(p)}).
 */
final class AggregateFunctions {
    private AggregateFunctions() {
    }

    static void register() {
        for (String name : new String[] {"first", "last", "any_value", "first_value", "last_value"}) {
            FunctionRegistry.add(name, 1, 2, (n, a) -> new FirstLast(n, a.get(0), a.size() > 1 && booleanLiteral(n, a.get(1))));
        }
        FunctionRegistry.add("count_if", 1, 1, (n, a) -> new CountIf(a.get(0)));
        for (String name : new String[] {"bool_and", "every", "bool_or", "some", "any"}) {
            FunctionRegistry.add(name, 1, 1, (n, a) -> new BoolAggregate(n, a.get(0)));
        }
        moment("stddev", CentralMoment.Kind.STDDEV_SAMP);
        moment("std", CentralMoment.Kind.STDDEV_SAMP);
        moment("stddev_samp", CentralMoment.Kind.STDDEV_SAMP);
        moment("stddev_pop", CentralMoment.Kind.STDDEV_POP);
        moment("variance", CentralMoment.Kind.VAR_SAMP);
        moment("var_samp", CentralMoment.Kind.VAR_SAMP);
        moment("var_pop", CentralMoment.Kind.VAR_POP);
        moment("skewness", CentralMoment.Kind.SKEWNESS);
        moment("kurtosis", CentralMoment.Kind.KURTOSIS);
        for (String name : new String[] {"corr", "covar_pop", "covar_samp"}) {
            FunctionRegistry.add(name, 2, 2, (n, a) -> new Covariance(n, a.get(0), a.get(1)));
        }
        FunctionRegistry.add("max_by", 2, 2, (n, a) -> new ExtremeBy(true, a.get(0), a.get(1)));
        FunctionRegistry.add("min_by", 2, 2, (n, a) -> new ExtremeBy(false, a.get(0), a.get(1)));
        FunctionRegistry.add("approx_count_distinct", 1, 2, (n, a) ->
                new ApproxCountDistinct(a.get(0), a.size() > 1 ? doubleLiteral(n, a.get(1)) : 0.05));
        for (String name : new String[] {"percentile_approx", "approx_percentile"}) {
            FunctionRegistry.add(name, 2, 3, (n, a) -> new ApproxPercentile(n, a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null));
        }
        FunctionRegistry.add("percentile", 2, 3, (n, a) -> new Percentile(a.get(0), a.get(1), a.size() > 2 ? a.get(2) : null, false));
        FunctionRegistry.add("median", 1, 1, (n, a) -> new Percentile(a.get(0), Literal.of(0.5), null, true));
        FunctionRegistry.add("mode", 1, 2, (n, a) -> new Mode(a.get(0), a.size() > 1 && booleanLiteral(n, a.get(1))));
        for (String name : new String[] {"collect_list", "array_agg", "collect_set"}) {
            FunctionRegistry.add(name, 1, 1, (n, a) -> new Collect(n, a.get(0)));
        }
        FunctionRegistry.add("hll_sketch_agg", 1, 2, (n, a) ->
                new HllSketchAggregate(a.get(0), a.size() > 1 ? a.get(1) : Literal.of(HllSketches.DEFAULT_LG_K)));
        FunctionRegistry.add("schema_of_variant_agg", 1, 1, (n, a) ->
                new io.tideway.engine.expr.agg.SchemaOfVariantAggregate(a.get(0)));
        FunctionRegistry.add("hll_union_agg", 1, 2, (n, a) ->
                new HllUnionAggregate(a.get(0), a.size() > 1 ? a.get(1) : Literal.of(false)));
    }

    private static void moment(String name, CentralMoment.Kind kind) {
        FunctionRegistry.add(name, 1, 1, (n, a) -> new CentralMoment(n, kind, a.get(0)));
    }

    private static double doubleLiteral(String fn, Expression e) {
        if (e instanceof Literal l && l.value() instanceof Number v) {
            return v.doubleValue();
        }
        if (e instanceof Literal l && l.value() instanceof java.math.BigDecimal v) {
            return v.doubleValue();
        }
        throw Unchecked.raise(new AnalysisException("The relative standard deviation of " + fn
                + " must be a number literal, not " + e.sql()));
    }

    private static boolean booleanLiteral(String fn, Expression e) {
        if (e instanceof Literal l && l.value() instanceof Boolean b) {
            return b;
        }
        throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1210", Map.of("funcName", fn), CurrentOrigin.get()));
    }
}
