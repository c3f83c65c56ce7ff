package io.tideway.engine.plan;

import io.tideway.sql.streaming.GroupStateTimeout;
import io.tideway.sql.streaming.OutputMode;

import java.util.ArrayList;
import java.util.List;

import static io.tideway.engine.plan.UnsupportedOperationChecker.fail;

/**
 * The last checks {@code start()} runs: Spark 4.0's correctness check of chained stateful
 * operators under the global watermark, then the plans Spark would start that Tideway does not
 * run yet, refused in Tideway's own words. Stateless.
 */
final class StatefulOperatorChain {
    private StatefulOperatorChain() {
    }

    /**
     * Spark's {@code checkStreamingQueryGlobalWatermarkLimit}
     * ({@code spark.sql.streaming.statefulOperator.checkCorrectness.enabled}, on by default, is
     * not read: Tideway always fails): a stateful operator above one that can emit rows older
     * than the watermark — an aggregation not in Append mode, or [flat]mapGroupsWithState with an
     * event-time timeout — would drop those rows as late.
     *
     * @param nodes the plan's nodes, pre-order
     */
    static void checkGlobalWatermarkLimit(List<LogicalPlan> nodes, OutputMode mode, LogicalPlan plan) {
        for (LogicalPlan n : nodes) {
            if (!isStateful(n)) {
                continue;
            }
            List<LogicalPlan> below = new ArrayList<>();
            n.collect(below);
            for (LogicalPlan p : below.subList(1, below.size())) {
                if (emitsRowsBelowWatermark(p, mode)) {
                    throw fail("Detected pattern of possible 'correctness' issue due to global watermark. The query contains "
                            + "stateful operation which can emit rows older than the current watermark plus allowed late record "
                            + "delay, which are \"late rows\" in downstream stateful operations and these rows can be discarded. "
                            + "Please refer the programming guide doc for more details. If you understand the possible risk of "
                            + "correctness issue and still need to run the query, you can disable this check by setting the config "
                            + "`spark.sql.streaming.statefulOperator.checkCorrectness.enabled` to false.", plan);
                }
            }
        }
    }

    /** Spark's {@code isStatefulOperation}: a dropDuplicates counts only with an event-time key, or within watermark. */
    private static boolean isStateful(LogicalPlan p) {
        if (!p.isStreaming()) {
            return false;
        }
        if (p instanceof Deduplicate d) {
            if (d.withinWatermark()) {
                return true;
            }
            for (int k : d.keyOrdinals()) {
                if (d.child().schema().apply(k).metadata().contains(EventTimeWatermark.DELAY_KEY)) {
                    return true;
                }
            }
            return false;
        }
        return p instanceof Aggregate || p instanceof FlatMapGroupsWithState || isStreamStreamJoin(p);
    }

    /** Spark's {@code ifCannotBeFollowedByStatefulOperation}. */
    private static boolean emitsRowsBelowWatermark(LogicalPlan p, OutputMode mode) {
        return p.isStreaming() && (p instanceof Aggregate && mode != OutputMode.Append()
                || p instanceof FlatMapGroupsWithState f && f.timeout() == GroupStateTimeout.EventTimeTimeout());
    }

    private static boolean isStreamStreamJoin(LogicalPlan p) {
        return p instanceof Join j && j.left().isStreaming() && j.right().isStreaming();
    }

    /**
     * Plans Spark starts that Tideway does not run: sorts other than above an aggregation in Complete
     * mode, limits other than that or in Append mode with no other stateful operator, some stream-stream joins
     * ({@link StreamingJoinChecks#notRunByTideway}), and stateful operators side by side (a join
     * with stateful operators on both of its sides): the micro-batch executor runs them as one
     * chain, each above the last.
     *
     * @param nodes the plan's nodes, pre-order
     */
    static void checkTidewayRuns(List<LogicalPlan> nodes, OutputMode mode, LogicalPlan plan) {
        long transforms = nodes.stream().filter(n -> n instanceof TransformWithState && n.isStreaming()).count();
        if (transforms > 0 && transforms + nodes.stream().filter(n -> n.isStreaming() && (n instanceof Aggregate
                || n instanceof Deduplicate || n instanceof FlatMapGroupsWithState || isStreamStreamJoin(n))).count() > 1) {
            throw fail("Tideway runs transformWithState only as the one stateful operator of a query", plan);
        }
        List<LogicalPlan> stateful = new ArrayList<>();
        for (LogicalPlan n : nodes) {
            if ((n instanceof Sort || n instanceof Limit) && n.isStreaming() && !aboveCompleteAggregation(n, nodes, mode)
                    && !(n instanceof Limit && mode == OutputMode.Append() && !hasStatefulNode(plan))) {
                throw fail(n instanceof Sort
                        ? "Tideway sorts a streaming DataFrame/Dataset only above its aggregation in Complete output mode"
                        : "Tideway runs limits on streaming DataFrames/Datasets in Append output mode in a query without "
                        + "other stateful operators, or above an aggregation in Complete output mode", plan);
            }
            if (n instanceof MapGroups && n.isStreaming() && hasStatefulNode(plan)) {
                throw fail("Tideway runs groupByKey(...).mapGroups and flatMapGroups on a stream only in a query without "
                        + "stateful operators", plan);
            }
            String join = n instanceof Join j ? StreamingJoinChecks.notRunByTideway(j) : null;
            if (join != null) {
                throw fail(join, plan);
            }
            boolean isStateful = n instanceof Aggregate || n instanceof Deduplicate || n instanceof FlatMapGroupsWithState
                    || isStreamStreamJoin(n);
            if (isStateful && n.isStreaming()) {
                stateful.add(n); // pre-order: the top one first
            }
        }
        if (stateful.size() > 1 && !supportedChain(stateful, nodes)) {
            throw fail("Tideway chains stateful operators only as an aggregation above dropDuplicates or above "
                    + "[flat]mapGroupsWithState, or, in a query without a watermark, with no aggregation below the top "
                    + "operator; this combination is not supported yet", plan);
        }
        for (LogicalPlan n : stateful) {
            int sidesWithState = 0;
            for (LogicalPlan c : n.children()) {
                sidesWithState += hasStatefulNode(c) ? 1 : 0;
            }
            if (sidesWithState > 1) {
                throw fail("Tideway runs stateful operators one above another; a join with stateful operators on "
                        + "both sides is not supported yet", plan);
            }
        }
    }

    private static boolean hasStatefulNode(LogicalPlan p) {
        if (p.isStreaming() && (p instanceof Aggregate || p instanceof Deduplicate || p instanceof FlatMapGroupsWithState
                || isStreamStreamJoin(p))) {
            return true;
        }
        for (LogicalPlan c : p.children()) {
            if (hasStatefulNode(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code n} is above the query's top stateful operator, an aggregation, in Complete
     * mode: there the micro-batch executor sorts and limits each batch's complete result.
     */
    private static boolean aboveCompleteAggregation(LogicalPlan n, List<LogicalPlan> nodes, OutputMode mode) {
        if (mode != OutputMode.Complete()) {
            return false;
        }
        for (LogicalPlan p : nodes) { // pre-order: the first stateful node is the top one
            boolean isStateful = p instanceof Aggregate || p instanceof Deduplicate || p instanceof FlatMapGroupsWithState
                    || isStreamStreamJoin(p);
            if (isStateful && p.isStreaming()) {
                List<LogicalPlan> below = new ArrayList<>();
                n.collect(below);
                return p instanceof Aggregate && below.contains(p);
            }
        }
        return false;
    }

    /**
     * The chains Tideway runs, each stage feeding the next the rows it emits as new rows (append
     * semantics, whatever the query's mode): an aggregation above dropDuplicates or above
     * [flat]mapGroupsWithState (the checks before have left only the groups-with-state operators
     * Spark runs below an aggregation, which emit each call's rows as new); and, in a query
     * without a watermark, any chain with no aggregation below the top (the lower stages then
     * emit new rows only, and no stage drops or evicts by a watermark that Spark would
     * propagate through the chain operator by operator).
     *
     * @param stateful the streaming stateful nodes, top first
     */
    private static boolean supportedChain(List<LogicalPlan> stateful, List<LogicalPlan> nodes) {
        if (stateful.size() == 2 && stateful.get(0) instanceof Aggregate
                && (stateful.get(1) instanceof Deduplicate || stateful.get(1) instanceof FlatMapGroupsWithState)) {
            return true;
        }
        for (LogicalPlan n : nodes) {
            if (n instanceof EventTimeWatermark) {
                return false;
            }
        }
        for (LogicalPlan lower : stateful.subList(1, stateful.size())) {
            if (lower instanceof Aggregate) {
                return false;
            }
        }
        return true;
    }
}
