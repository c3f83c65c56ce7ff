package io.tideway.engine.plan;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.OutputMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks {@code start()} runs on a streaming plan, in the order of Spark 4.0's
 * {@code UnsupportedOperationChecker.checkForStreaming}: the counts of [flat]mapGroupsWithState,
 * then the output mode against the top streaming aggregation ({@code STREAMING_OUTPUT_MODE}),
 * then each node bottom-up (joins in {@link StreamingJoinChecks}), then the global-watermark
 * correctness check of chained stateful operators ({@link StatefulOperatorChain}). Only when
 * Spark would start the query come Tideway's own limits. Most messages are Spark's
 * {@code _LEGACY_ERROR_TEMP_3102}: the text, {@code ;} and the plan. Stateless.
 */
public final class UnsupportedOperationChecker {
    private UnsupportedOperationChecker() {
    }

    public static void checkForStreaming(LogicalPlan plan, OutputMode mode) {
        if (!plan.isStreaming()) {
            throw fail("Queries without streaming sources cannot be executed with writeStream.start()", plan);
        }
        List<LogicalPlan> nodes = new ArrayList<>();
        plan.collect(nodes);
        checkGroupsWithStateCounts(nodes, mode, plan);
        List<Aggregate> aggregates = new ArrayList<>();
        for (LogicalPlan n : nodes) {
            if (n instanceof Aggregate a && a.isStreaming()) {
                aggregates.add(a); // pre-order: Spark's aggregates.head is the top one
            }
        }
        checkOutputMode(aggregates, mode);
        checkEachNode(plan, plan, mode, !aggregates.isEmpty());
        StatefulOperatorChain.checkGlobalWatermarkLimit(nodes, mode, plan);
        StatefulOperatorChain.checkTidewayRuns(nodes, mode, plan);
    }

    private static void checkGroupsWithStateCounts(List<LogicalPlan> nodes, OutputMode mode, LogicalPlan plan) {
        List<FlatMapGroupsWithState> ops = new ArrayList<>();
        for (LogicalPlan n : nodes) {
            if (n instanceof FlatMapGroupsWithState f && f.isStreaming()) {
                ops.add(f);
            }
        }
        long maps = ops.stream().filter(FlatMapGroupsWithState::isMapGroups).count();
        if (maps > 1) {
            throw fail("Multiple mapGroupsWithStates are not supported on a streaming DataFrames/Datasets", plan);
        }
        if (maps == 1 && ops.size() > 1) {
            throw fail("Mixing mapGroupsWithStates and flatMapGroupsWithStates are not supported on a streaming DataFrames/Datasets", plan);
        }
        if (ops.size() > 1 && (mode != OutputMode.Append() || ops.stream().anyMatch(f -> f.functionOutputMode() != OutputMode.Append()))) {
            throw fail("Multiple flatMapGroupsWithStates are not supported when they are not all in append mode or the output "
                    + "mode is not append on a streaming DataFrames/Datasets", plan);
        }
    }

    /** The output mode against the top streaming aggregation, as Spark 4 words it ({@code STREAMING_OUTPUT_MODE}). */
    private static void checkOutputMode(List<Aggregate> aggregates, OutputMode mode) {
        if (aggregates.isEmpty()) {
            if (mode == OutputMode.Complete()) {
                throw unsupportedOutputMode(mode, "no streaming aggregations");
            }
            return;
        }
        Aggregate top = aggregates.get(0);
        if (mode == OutputMode.Append() && top.grouping().stream().noneMatch(UnsupportedOperationChecker::carriesWatermark)) {
            throw unsupportedOutputMode(mode, "streaming aggregations without watermark");
        }
        if (mode == OutputMode.Update() && top.grouping().stream().anyMatch(g -> g instanceof io.tideway.engine.expr.BoundReference r
                && r.metadata().contains(SessionWindowExpand.SESSION_KEY))) {
            throw unsupportedOutputMode(mode, "session window streaming aggregations");
        }
    }

    /** Spark's {@code plan.foreachUp}: children before their parent, each failing with its own subtree. */
    private static void checkEachNode(LogicalPlan node, LogicalPlan plan, OutputMode mode, boolean aggregatesInQuery) {
        for (LogicalPlan c : node.children()) {
            checkEachNode(c, plan, mode, aggregatesInQuery);
        }
        if (node instanceof FlatMapGroupsWithState f && f.isStreaming()) {
            checkGroupsWithState(f, plan, mode, aggregatesInQuery);
        } else if (node instanceof Join j) {
            StreamingJoinChecks.check(j, mode);
        } else if (node instanceof Deduplicate d && d.isStreaming() && d.withinWatermark() && !hasWatermark(d.child())) {
            throw fail("dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets without watermark", plan);
        } else if (node instanceof Union u && u.children().stream().map(LogicalPlan::isStreaming).distinct().count() == 2) {
            throw fail("Union between streaming and batch DataFrames/Datasets is not supported", u);
        } else if (node instanceof SetOperation s && s.kind() == SetOperation.Kind.EXCEPT && s.children().get(1).isStreaming()) {
            throw fail("Except on a streaming DataFrame/Dataset on the right is not supported", s);
        } else if (node instanceof SetOperation s && s.kind() == SetOperation.Kind.INTERSECT && s.isStreaming()) {
            throw fail("Intersect of streaming DataFrames/Datasets is not supported", s);
        } else if (node instanceof Aggregate a && a.isStreaming() && a.outputs().stream()
                .anyMatch(o -> o.exists(e -> e instanceof io.tideway.engine.expr.agg.DistinctAggregate
                        || e instanceof io.tideway.engine.expr.agg.ListAgg l && l.isDistinct()))) {
            throw fail("Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider using "
                    + "approx_count_distinct() instead.", plan);
        } else if (node.isStreaming() && expressionsOf(node).stream().anyMatch(e -> e.exists(x ->
                x instanceof io.tideway.engine.expr.fn.ScalarFunction f && f.name().equals("monotonically_increasing_id")))) {
            throw fail("Expression(s): monotonically_increasing_id() is not supported with streaming DataFrames/Datasets", node);
        } else if (node instanceof Window w && w.isStreaming()) {
            throw w.streamingError();
        } else if (node instanceof Sample sample && sample.isStreaming()) {
            throw fail("Sampling is not supported on streaming DataFrames/Datasets", sample);
        } else if (node instanceof Offset o) {
            throw fail("Offset is not supported on streaming DataFrames/Datasets", o);
        } else if (node instanceof Limit l && l.child().isStreaming() && mode == OutputMode.Update()) {
            throw fail("Limits are not supported on streaming DataFrames/Datasets in Update output mode", l);
        } else if (node instanceof Sort s && !containsCompleteData(s, mode)) {
            throw fail("Sorting is not supported on streaming DataFrames/Datasets, unless it is on "
                    + "aggregated DataFrame/Dataset in Complete output mode", s);
        }
    }

    /** The expressions of a projection or filter, the nodes whose expressions Spark's row-id check reads. */
    private static List<io.tideway.engine.expr.Expression> expressionsOf(LogicalPlan node) {
        if (node instanceof Project p) {
            return p.projectList();
        }
        return node instanceof Filter f ? List.of(f.condition()) : List.of();
    }

    /** The guide's rules for mapGroupsWithState/flatMapGroupsWithState, Spark 4's version. */
    private static void checkGroupsWithState(FlatMapGroupsWithState f, LogicalPlan plan, OutputMode mode, boolean aggregatesInQuery) {
        if (f.initialState() != null && f.initialState().plan().isStreaming()) { // Spark's wording, "Non-" and all
            throw fail("Non-streaming DataFrame/Dataset is not supported as the initial state in [flatMap|map]GroupsWithState "
                    + "operation on a streaming DataFrame/Dataset", f);
        }
        if (f.isMapGroups()) {
            if (mode != OutputMode.Update()) {
                throw fail("mapGroupsWithState is not supported with " + mode + " output mode on a streaming DataFrame/Dataset", f);
            }
        } else if (!aggregatesInQuery) {
            if (f.functionOutputMode() != mode) {
                throw fail("flatMapGroupsWithState in " + f.functionOutputMode().toString().toLowerCase(Locale.ROOT)
                        + " mode is not supported with " + mode + " output mode on a streaming DataFrame/Dataset", f);
            }
        } else if (f.functionOutputMode() == OutputMode.Update()) {
            throw fail("flatMapGroupsWithState in update mode is not supported with aggregation on a streaming DataFrame/Dataset", f);
        }
        if (f.timeout() == GroupStateTimeout.EventTimeTimeout() && !hasWatermark(f.child())) {
            throw fail("Watermark must be specified in the query using '[Dataset/DataFrame].withWatermark()' for using "
                    + "event-time timeout in a [map|flatMap]GroupsWithState. Event-time timeout not supported without watermark.", plan);
        }
    }

    /** Whether {@code subplan} gives complete data each batch: it is static, or an aggregate in Complete mode. */
    private static boolean containsCompleteData(LogicalPlan subplan, OutputMode mode) {
        List<LogicalPlan> nodes = new ArrayList<>();
        subplan.collect(nodes);
        return !subplan.isStreaming()
                || mode == OutputMode.Complete() && nodes.stream().anyMatch(n -> n instanceof Aggregate && n.isStreaming());
    }

    /** A column that carries the watermark: the event-time column or a window over it. */
    static boolean carriesWatermark(io.tideway.engine.expr.Expression e) {
        return e instanceof io.tideway.engine.expr.BoundReference r && r.metadata().contains(EventTimeWatermark.DELAY_KEY);
    }

    /** Whether {@code p}'s output has a column with the watermark (Spark: an attribute with the delay key). */
    static boolean hasWatermark(LogicalPlan p) {
        return Arrays.stream(p.schema().fields()).anyMatch(f -> f.metadata().contains(EventTimeWatermark.DELAY_KEY));
    }

    /** A join key that is an event-time column (or a window over one) with a watermark: what evicts join state. */
    public static boolean watermarkInJoinKeys(Join j) {
        for (int k = 0; k < j.leftKeys().size(); k++) {
            if (carriesWatermark(j.leftKeys().get(k)) || carriesWatermark(j.rightKeys().get(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Throws Spark's error for an unsupported streaming operation: condition
     * {@code _LEGACY_ERROR_TEMP_3102} with the message, then the plan. Declared to return so
     * callers can write {@code throw}.
     */
    public static RuntimeException fail(String message, LogicalPlan plan) {
        throw Unchecked.raise(new ExtendedAnalysisException("_LEGACY_ERROR_TEMP_3102", Map.of("msg", message), plan));
    }

    /** Spark 4's {@code STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION}, which names no plan. */
    private static RuntimeException unsupportedOutputMode(OutputMode mode, String operation) {
        throw Unchecked.raise(new AnalysisException("STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION",
                Map.of("outputMode", mode.toString().toLowerCase(Locale.ROOT), "operation", operation)));
    }
}
