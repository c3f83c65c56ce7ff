package io.tideway.engine.plan;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.streaming.OutputMode;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks {@code start()} runs on a streaming plan (Spark's {@code UnsupportedOperationChecker}
 * for micro-batch), failing with the guide's words followed by the plan, as Spark 3 does.
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
            throw fail("Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets", plan);
        }
        if (aggregates == 1 && mode == OutputMode.Append() && !aggregateHasWatermark(nodes)) {
            throw fail("Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark", plan);
        }
        if (aggregates + deduplicates > 1) {
            throw fail("Tideway runs one stateful operator per streaming query for now: dropDuplicates before an aggregation "
                    + "is not supported yet", plan);
        }
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

    public static AnalysisException fail(String message, LogicalPlan plan) {
        return new AnalysisException(message + ";\n" + plan.treeString());
    }
}
