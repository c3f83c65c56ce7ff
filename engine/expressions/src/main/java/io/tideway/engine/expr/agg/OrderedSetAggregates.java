package io.tideway.engine.expr.agg;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.SortOrder;
import io.tideway.sql.AnalysisException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQL's ordered-set aggregates, written {@code f(...) WITHIN GROUP (ORDER BY x [DESC])}:
 * {@code percentile_cont(p)}, {@code percentile_disc(p)} ({@link Percentile#ordered}) and
 * {@code mode()} ({@link Mode#withinGroup}). Each takes exactly one ordering and no DISTINCT, with
 * Spark's {@code INVALID_WITHIN_GROUP_EXPRESSION} errors otherwise.
 */
public final class OrderedSetAggregates {
    private OrderedSetAggregates() {
    }

    /** Whether {@code name} is one of the ordered-set aggregates built here. */
    public static boolean handles(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "percentile_cont", "percentile_disc", "mode" -> true;
            default -> false;
        };
    }

    /** {@code name(args) WITHIN GROUP (ORDER BY keys)}; {@code distinct} for {@code name(DISTINCT args)}. */
    public static Expression of(String writtenName, List<Expression> args, boolean distinct, List<SortOrder> keys) {
        String name = writtenName.toLowerCase(Locale.ROOT);
        int expectedArgs = name.equals("mode") ? 0 : 1;
        if (args.size() != expectedArgs) {
            throw Unchecked.raise(new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of(
                    "functionName", ErrorParams.id(name), "expectedNum", String.valueOf(expectedArgs),
                    "actualNum", String.valueOf(args.size()), "docroot", "https://spark.apache.org/docs/latest"),
                    CurrentOrigin.get()));
        }
        if (distinct) {
            throw Unchecked.raise(new AnalysisException("INVALID_WITHIN_GROUP_EXPRESSION.DISTINCT_UNSUPPORTED", Map.of(
                    "funcName", ErrorParams.id(name)), CurrentOrigin.get()));
        }
        if (keys.size() != 1) {
            // Spark names mode by its class here
            throw Unchecked.raise(new AnalysisException("INVALID_WITHIN_GROUP_EXPRESSION.WRONG_NUM_ORDERINGS", Map.of(
                    "funcName", ErrorParams.id(name.equals("mode") ? "Mode" : name), "expectedNum", "1", "actualNum", String.valueOf(keys.size())),
                    CurrentOrigin.get()));
        }
        SortOrder key = keys.get(0);
        return name.equals("mode") ? Mode.withinGroup(key.child(), key.descending())
                : Percentile.ordered(name, key.child(), args.get(0), key.descending());
    }
}
