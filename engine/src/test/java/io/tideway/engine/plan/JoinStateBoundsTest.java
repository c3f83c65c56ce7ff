package io.tideway.engine.plan;

import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import org.junit.jupiter.api.Test;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state eviction bounds of a stream-stream join, as Spark's StreamingSymmetricHashJoinHelper computes them. */
class JoinStateBoundsTest {
    private static final long HOUR_MICROS = 3_600_000_000L;
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    private JoinStateBounds bounds(String condition) {
        return bounds(condition, true);
    }

    private JoinStateBounds bounds(String condition, boolean impressionWatermark) {
        Dataset<Row> impressions = spark.readStream().format("rate").load()
                .select(col("value").as("impressionAdId"), col("timestamp").as("impressionTime"));
        if (impressionWatermark) {
            impressions = impressions.withWatermark("impressionTime", "2 hours");
        }
        Dataset<Row> clicks = spark.readStream().format("rate").load()
                .select(col("value").as("clickAdId"), col("timestamp").as("clickTime"))
                .withWatermark("clickTime", "3 hours");
        LogicalPlan plan = impressions.join(clicks, expr(condition)).logicalPlan();
        while (!(plan instanceof Join)) {
            plan = plan.children().get(0);
        }
        return JoinStateBounds.of((Join) plan);
    }

    @Test
    void nonStrictConditionsKeepARowOneMillisecondLonger() {
        JoinStateBounds b = bounds("clickAdId = impressionAdId AND clickTime >= impressionTime "
                + "AND clickTime <= impressionTime + interval 1 hour");
        assertEquals(1, b.leftTimeOrdinal);
        assertEquals(1, b.rightTimeOrdinal);
        assertEquals(-HOUR_MICROS - 1000, b.leftOffsetMicros);
        assertEquals(-1000, b.rightOffsetMicros);
    }

    @Test
    void strictConditionsDoNot() {
        JoinStateBounds b = bounds("clickAdId = impressionAdId AND clickTime > impressionTime "
                + "AND clickTime < impressionTime + interval 1 hour");
        assertEquals(-HOUR_MICROS, b.leftOffsetMicros);
        assertEquals(0, b.rightOffsetMicros);
    }

    /** Spark's getStateValueWatermark: left rows are bounded by the right side's watermark alone. */
    @Test
    void eachSideIsBoundedByTheOtherSidesWatermark() {
        JoinStateBounds b = bounds("clickAdId = impressionAdId AND clickTime >= impressionTime "
                + "AND clickTime <= impressionTime + interval 1 hour", false);
        assertTrue(b.rangeBoundsLeft(), "start() accepts a left outer join");
        assertFalse(b.rangeBoundsRight());
        assertFalse(b.bindsLeft(), "left rows have no watermark of their own: Spark keeps them");
        assertFalse(b.bindsRight());
    }
}
