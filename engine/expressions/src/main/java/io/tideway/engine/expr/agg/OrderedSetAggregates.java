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

    /**
     * Whether {@code name(args)} written without WITHIN GROUP needs it: {@code percentile_cont} and
     * {@code percentile_disc} always, {@code mode} without arguments.
     */
    public static boolean requiresWithinGroup(String name, int args) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("percentile_cont") || n.equals("percentile_disc") || n.equals("mode") && args == 0;
    }

    /** Spark's {@code INVALID_WITHIN_GROUP_EXPRESSION.WITHIN_GROUP_MISSING}, at the call. */
    public static RuntimeException withinGroupMissing(String name) {
        throw Unchecked.raise(new AnalysisException("INVALID_WITHIN_GROUP_EXPRESSION.WITHIN_GROUP_MISSING", Map.of(
                "funcName", ErrorParams.id(name.toLowerCase(Locale.ROOT))), CurrentOrigin.get()));
    }

    /** {@code name(args) WITHIN GROUP (ORDER BY keys)}; {@code distinct} for {@code name(DISTINCT args)}. */
    public static Expression of(String writtenName, List<Expression> args, boolean distinct, List<SortOrder> keys) {
        String name = writtenName.toLowerCase(Locale.ROOT);
        if (name.equals("mode") && !args.isEmpty()) {
            // mode(x) is the plain aggregate, which Spark's check then finds given an ordering it takes none of
            throw Unchecked.raise(new AnalysisException("INVALID_WITHIN_GROUP_EXPRESSION.WRONG_NUM_ORDERINGS", Map.of(
                    "funcName", ErrorParams.id(name), "expectedNum", "0", "actualNum", String.valueOf(keys.size())),
                    CurrentOrigin.get()));
        }
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
