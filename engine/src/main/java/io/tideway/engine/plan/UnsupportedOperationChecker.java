package io.tideway.engine.plan;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.streaming.OutputMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks {@code start()} runs on a streaming plan (Spark's {@code UnsupportedOperationChecker}
 * for micro-batch), failing with Spark 4.0's conditions: most are the guide's words followed by
 * the plan ({@code _LEGACY_ERROR_TEMP_3102}), output-mode checks {@code STREAMING_OUTPUT_MODE}.
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
        int aggregates = 0;
        int deduplicates = 0;
        for (LogicalPlan n : nodes) {
            if (n instanceof Aggregate && n.isStreaming()) {
                aggregates++;
            }
            if (n instanceof Deduplicate d && d.isStreaming()) {
                deduplicates++;
                List<LogicalPlan> below = new ArrayList<>();
                d.child().collect(below);
                if (below.stream().anyMatch(c -> c instanceof Aggregate && c.isStreaming())) {
                    throw fail("dropDuplicates is not supported after aggregation on a streaming DataFrame/Dataset", plan);
                }
                if (d.withinWatermark() && !hasWatermark(d.child())) {
                    throw fail("dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets without watermark", plan);
                }
            }
            if (n instanceof Join j && j.isStreaming()) {
                checkJoin(j, mode, plan);
            }
            if (n instanceof Union u) {
                boolean anyStream = false;
                boolean anyBatch = false;
                for (LogicalPlan c : u.children()) {
                    anyStream |= c.isStreaming();
                    anyBatch |= !c.isStreaming();
                }
                if (anyStream && anyBatch) {
                    throw fail("Union between streaming and batch DataFrames/Datasets is not supported", plan);
                }
            }
        }
        if (aggregates > 1) {
            throw fail("Multiple streaming aggregations are not supported with streaming DataFrames/Datasets", plan);
        }
        if (aggregates == 0 && mode == OutputMode.Complete()) {
            throw unsupportedOutputMode(mode, "no streaming aggregations");
        }
        if (mode == OutputMode.Update() && nodes.stream().anyMatch(n -> n instanceof Aggregate a && a.isStreaming()
                && a.grouping().stream().anyMatch(g -> g instanceof io.tideway.engine.expr.BoundReference r
                && r.metadata().contains(SessionWindowExpand.SESSION_KEY)))) {
            throw unsupportedOutputMode(mode, "session window streaming aggregations");
        }
        if (aggregates == 1 && mode == OutputMode.Append() && !aggregateHasWatermark(nodes)) {
            throw unsupportedOutputMode(mode, "streaming aggregations without watermark");
        }
        int groupsWithState = checkGroupsWithState(nodes, mode, aggregates, plan);
        long streamJoins = nodes.stream().filter(n -> n instanceof Join j && j.left().isStreaming() && j.right().isStreaming()).count();
        if (aggregates + deduplicates + groupsWithState + streamJoins > 1 && !supportedChain(nodes)) {
            throw fail("Tideway chains stateful operators only as an aggregation above dropDuplicates or above an append-mode "
                    + "flatMapGroupsWithState; this combination is not supported yet", plan);
        }
    }

    /**
     * The chains of two stateful operators Tideway runs, which Spark 2.4 allows too: a streaming
     * aggregation above {@code dropDuplicates} or above an append-mode {@code flatMapGroupsWithState}.
     */
    private static boolean supportedChain(List<LogicalPlan> nodes) {
        List<LogicalPlan> stateful = new ArrayList<>();
        for (LogicalPlan n : nodes) {
            boolean isStateful = n instanceof Aggregate || n instanceof Deduplicate || n instanceof FlatMapGroupsWithState
                    || n instanceof Join j && j.left().isStreaming() && j.right().isStreaming();
            if (isStateful && n.isStreaming()) {
                stateful.add(n); // pre-order: the top one first
            }
        }
        if (stateful.size() != 2 || !(stateful.get(0) instanceof Aggregate)) {
            return false;
        }
        LogicalPlan lower = stateful.get(1);
        return lower instanceof Deduplicate
                || lower instanceof FlatMapGroupsWithState f && !f.isMapGroups() && f.functionOutputMode() == OutputMode.Append();
    }

    /** The guide's rules for mapGroupsWithState/flatMapGroupsWithState (digest §3.2); returns how many there are. */
    private static int checkGroupsWithState(List<LogicalPlan> nodes, OutputMode mode, int aggregates, LogicalPlan plan) {
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
        boolean watermark = nodes.stream().anyMatch(n -> n instanceof EventTimeWatermark);
        for (FlatMapGroupsWithState f : ops) {
            if (f.isMapGroups()) {
                if (aggregates > 0) {
                    throw fail("mapGroupsWithState is not supported with aggregation on a streaming DataFrame/Dataset", plan);
                }
                if (mode != OutputMode.Update()) {
                    throw fail("mapGroupsWithState is not supported with " + mode + " output mode on a streaming DataFrame/Dataset", plan);
                }
            } else if (f.functionOutputMode() == OutputMode.Update()) {
                if (aggregates > 0) {
                    throw fail("flatMapGroupsWithState in update mode is not supported with aggregation on a streaming DataFrame/Dataset", plan);
                }
                if (mode != OutputMode.Update()) {
                    throw fail("flatMapGroupsWithState in update mode is not supported with " + mode
                            + " output mode on a streaming DataFrame/Dataset", plan);
                }
            } else {
                List<LogicalPlan> below = new ArrayList<>();
                f.child().collect(below);
                if (below.stream().anyMatch(c -> c instanceof Aggregate && c.isStreaming())) {
                    throw fail("flatMapGroupsWithState in append mode is not supported after aggregation on a streaming DataFrame/Dataset", plan);
                }
                if (aggregates == 0 && mode != OutputMode.Append()) {
                    throw fail("flatMapGroupsWithState in append mode is not supported with " + mode
                            + " output mode on a streaming DataFrame/Dataset", plan);
                }
            }
            if (f.timeout() == io.tideway.sql.streaming.GroupStateTimeout.EventTimeTimeout() && !watermark) {
                throw fail("Watermark must be specified in the query using '[Dataset/DataFrame].withWatermark()' for using "
                        + "event-time timeout in a [map|flatMap]GroupsWithState. Event-time timeout not supported without watermark.", plan);
            }
        }
        return ops.size();
    }

    /** The guide's join support matrix (digest §3.3, Spark 3.x wording). */
    private static void checkJoin(Join j, OutputMode mode, LogicalPlan plan) {
        boolean leftStream = j.left().isStreaming();
        boolean rightStream = j.right().isStreaming();
        JoinType t = j.joinType();
        if (leftStream && rightStream) {
            if (mode != OutputMode.Append()) {
                throw fail("Join between two streaming DataFrames/Datasets is not supported in " + mode
                        + " output mode, only in Append output mode", plan);
            }
            if (t == JoinType.LEFT_ANTI || t == JoinType.CROSS) {
                throw fail("Tideway does not run stream-stream " + t.sparkName() + " joins yet", plan);
            }
            JoinStateBounds bounds = JoinStateBounds.of(j);
            boolean leftExpires = bounds.rangeBoundsLeft() || watermarkInJoinKeys(j);
            boolean rightExpires = bounds.rangeBoundsRight() || watermarkInJoinKeys(j);
            boolean ok = switch (t) {
                case LEFT_OUTER -> leftExpires;
                case RIGHT_OUTER -> rightExpires;
                case FULL_OUTER -> leftExpires && rightExpires;
                case LEFT_SEMI -> rightExpires;
                default -> true;
            };
            if (!ok) {
                throw fail(t == JoinType.LEFT_SEMI
                        ? "Stream-stream LeftSemi join between two streaming DataFrame/Datasets is not supported without a watermark "
                                + "in the join keys, or a watermark on the right side and an appropriate range condition"
                        : "Stream-stream " + t.sparkName() + " join between two streaming DataFrame/Datasets is not supported "
                                + "without a watermark in the join keys, or a watermark on the nullable side and an appropriate range condition", plan);
            }
            return;
        }
        if (leftStream) {
            if (t == JoinType.RIGHT_OUTER) {
                throw fail("RightOuter join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported", plan);
            }
            if (t == JoinType.FULL_OUTER) {
                throw fail("FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset on the right is not supported", plan);
            }
        } else {
            if (t == JoinType.LEFT_OUTER) {
                throw fail("LeftOuter join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported", plan);
            }
            if (t == JoinType.FULL_OUTER) {
                throw fail("FullOuter joins with streaming DataFrames/Datasets on the right and a static DataFrame/Dataset on the left is not supported", plan);
            }
            if (t == JoinType.LEFT_SEMI) {
                throw fail("LeftSemi join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported", plan);
            }
            if (t == JoinType.LEFT_ANTI) {
                throw fail("LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported", plan);
            }
        }
    }

    /** A join key that is an event-time column (or a window over one) with a watermark: what evicts join state. */
    public static boolean watermarkInJoinKeys(Join j) {
        for (int k = 0; k < j.leftKeys().size(); k++) {
            for (io.tideway.engine.expr.Expression e : List.of(j.leftKeys().get(k), j.rightKeys().get(k))) {
                if (e instanceof io.tideway.engine.expr.BoundReference r && r.metadata().contains(EventTimeWatermark.DELAY_KEY)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasWatermark(LogicalPlan p) {
        return p.schema().fields().length > 0 && java.util.Arrays.stream(p.schema().fields())
                .anyMatch(f -> f.metadata().contains(EventTimeWatermark.DELAY_KEY));
    }

    /** Spark's rule: a grouping column carries the watermark (the event-time column or a window over it). */
    private static boolean aggregateHasWatermark(List<LogicalPlan> nodes) {
        for (LogicalPlan n : nodes) {
            if (n instanceof Aggregate a && a.isStreaming()) {
                for (io.tideway.engine.expr.Expression g : a.grouping()) {
                    if (g instanceof io.tideway.engine.expr.BoundReference r && r.metadata().contains(EventTimeWatermark.DELAY_KEY)) {
                        return true;
                    }
                }
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
