package io.tideway.engine.plan;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which conjuncts of a filter over withWatermark go below it, as Spark's optimizer decides. */
class WatermarkFilterPushdownTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    private Dataset<Row> watermarked() {
        return spark.readStream().format("rate").load().withWatermark("timestamp", "10 seconds");
    }

    private static List<String> nodes(LogicalPlan p) {
        List<LogicalPlan> all = new java.util.ArrayList<>();
        p.collect(all);
        return all.stream().map(LogicalPlan::nodeName).toList();
    }

    @Test
    void aFilterOnAnotherColumnGoesBelowTheWatermark() {
        LogicalPlan plan = watermarked().where(col("value").gt(3)).logicalPlan();
        LogicalPlan pushed = WatermarkFilterPushdown.apply(plan);
        assertEquals("EventTimeWatermark", pushed.nodeName());
        assertEquals("Filter", pushed.children().get(0).nodeName());
        assertSame(leaf(plan), leaf(pushed)); // executors tell sources apart by identity
    }

    @Test
    void aFilterOnTheEventTimeStaysAbove() {
        LogicalPlan plan = watermarked().where(col("timestamp").gt(lit(java.sql.Timestamp.valueOf("2024-01-01 00:00:00"))))
                .logicalPlan();
        assertSame(plan, WatermarkFilterPushdown.apply(plan));
    }

    @Test
    void aConjunctionIsSplitBetweenAboveAndBelow() {
        LogicalPlan plan = watermarked()
                .where(col("value").gt(3).and(col("timestamp").isNotNull()).and(col("value").lt(9))).logicalPlan();
        LogicalPlan pushed = WatermarkFilterPushdown.apply(plan);
        assertEquals(List.of("Filter", "EventTimeWatermark", "Filter"), nodes(pushed).subList(0, 3));
        assertEquals("(timestamp IS NOT NULL)", ((Filter) pushed).condition().sql());
        assertEquals("((value > 3) AND (value < 9))", ((Filter) pushed.children().get(0).children().get(0)).condition().sql());
    }

    @Test
    void pushesUnderNodesAboveToo() {
        LogicalPlan plan = watermarked().where(col("value").gt(3)).groupBy(col("value")).count().logicalPlan();
        LogicalPlan pushed = WatermarkFilterPushdown.apply(plan);
        assertEquals(nodes(plan).size(), nodes(pushed).size());
        assertEquals(nodes(plan).indexOf("Filter"), nodes(pushed).indexOf("EventTimeWatermark"));
    }

    private static LogicalPlan leaf(LogicalPlan p) {
        return p.children().isEmpty() ? p : leaf(p.children().get(0));
    }
}
