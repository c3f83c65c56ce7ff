package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.GroupingFunction;

/**
 * {@code grouping(col)} and {@code grouping_id(cols...)}: markers of a rollup, cube or
 * grouping-sets aggregation ({@link GroupingFunction}), which the aggregation's planner replaces.
 */
final class GroupingFunctions {
    private GroupingFunctions() {
    }

    static void register() {
        FunctionRegistry.add("grouping", 1, 1, (n, a) -> GroupingFunction.grouping(a.get(0)));
        FunctionRegistry.add("grouping_id", 0, -1, (n, a) -> GroupingFunction.groupingId(a));
    }
}
