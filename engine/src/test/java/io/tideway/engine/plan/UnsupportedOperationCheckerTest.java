package io.tideway.engine.plan;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.OutputMode;
import org.junit.jupiter.api.Test;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order and wording of Spark 4.0's streaming checks, and where Tideway's own limits come. */
class UnsupportedOperationCheckerTest {
    private static final String CORRECTNESS = "Detected pattern of possible 'correctness' issue due to global watermark.";
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    private Dataset<Row> rate(String prefix) {
        return spark.readStream().format("rate").load()
                .select(col("value").as(prefix + "Id"), col("timestamp").as(prefix + "Time"));
    }

    private static String refusal(Dataset<Row> df, OutputMode mode) {
        Exception e = assertThrows(Exception.class, () -> UnsupportedOperationChecker.checkForStreaming(df.logicalPlan(), mode));
        assertTrue(e instanceof AnalysisException, e.toString());
        return e.getMessage().split("\n", 2)[0]; // what a user sees first: the text, then ";" before the plan
    }

    /** The output mode is checked before any join: Spark's order. */
    @Test
    void completeModeWithoutAggregationComesBeforeTheJoinCheck() {
        Dataset<Row> joined = rate("a").join(rate("b"), expr("aId = bId"));
        assertEquals("[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming output mode: complete. This output mode "
                + "is not supported for no streaming aggregations on streaming DataFrames/DataSets. SQLSTATE: 42KDE",
                refusal(joined, OutputMode.Complete()));
    }

    @Test
    void streamStreamLeftAntiIsRefusedAsAStreamOnTheRight() {
        Dataset<Row> joined = rate("a").join(rate("b"), expr("aId = bId"), "left_anti");
        assertEquals("LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported;",
                refusal(joined, OutputMode.Append()));
    }

    @Test
    void streamStreamLeftSemiWithoutWatermarkNamesTheNullableSide() {
        Dataset<Row> joined = rate("a").join(rate("b"), expr("aId = bId"), "left_semi");
        assertEquals("Stream-stream LeftSemi join between two streaming DataFrame/Datasets is not supported without a watermark "
                + "in the join keys, or a watermark on the nullable side and an appropriate range condition;",
                refusal(joined, OutputMode.Append()));
    }

    /** Spark 4 has no "multiple streaming aggregations" check: the update-mode aggregate below is what it refuses. */
    @Test
    void chainedAggregationsInUpdateModeFailTheGlobalWatermarkCheck() {
        Dataset<Row> twice = rate("a").groupBy("aId").count().groupBy("count").count();
        assertTrue(refusal(twice, OutputMode.Update()).startsWith(CORRECTNESS));
        assertTrue(refusal(twice, OutputMode.Complete()).startsWith(CORRECTNESS));
    }

    /** Append-mode aggregations with a watermark pass Spark's checks; Tideway then refuses the chain in its own words. */
    @Test
    void chainsSparkStartsMeetTidewaysLimitLast() {
        Dataset<Row> twice = rate("a").withWatermark("aTime", "1 minute").groupBy("aTime").count()
                .groupBy("aTime").count();
        assertTrue(refusal(twice, OutputMode.Append()).startsWith("Tideway chains stateful operators only"));
    }

    @Test
    void orderByOverAStreamingViewIsRefusedAtStartNotBySql() {
        rate("a").createOrReplaceTempView("rates");
        Dataset<Row> sorted = spark.sql("SELECT aId FROM rates ORDER BY aTime DESC");
        assertTrue(sorted.isStreaming());
        assertEquals(1, sorted.schema().length());
        assertEquals("Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated "
                + "DataFrame/Dataset in Complete output mode;", refusal(sorted, OutputMode.Append()));
    }

    @Test
    void sortingAnAggregateInCompleteModeIsAccepted() {
        rate("a").createOrReplaceTempView("rates");
        Dataset<Row> sorted = spark.sql("SELECT aId, count(*) AS n FROM rates GROUP BY aId ORDER BY n LIMIT 2");
        UnsupportedOperationChecker.checkForStreaming(sorted.logicalPlan(), OutputMode.Complete());
        UnsupportedOperationChecker.checkForStreaming(rate("b").limit(2).logicalPlan(), OutputMode.Append());
        assertTrue(refusal(rate("b").dropDuplicates().limit(2), OutputMode.Append())
                .startsWith("Tideway runs limits on streaming DataFrames/Datasets in Append output mode in a query without"));
        Exception e = assertThrows(Exception.class,
                () -> UnsupportedOperationChecker.checkForStreaming(rate("c").limit(2).logicalPlan(), OutputMode.Update()));
        assertTrue(e.getMessage().startsWith(
                "Limits are not supported on streaming DataFrames/Datasets in Update output mode;\nLocalLimit 2\n"), e.getMessage());
    }

    @Test
    void unknownJoinTypeIsAnAnalysisException() {
        Exception e = assertThrows(Exception.class, () -> rate("a").join(rate("b"), expr("aId = bId"), "sideways"));
        assertTrue(e instanceof AnalysisException, e.toString());
        assertEquals("UNSUPPORTED_JOIN_TYPE", ((AnalysisException) e).getCondition());
    }

    /** Spark's CheckAnalysis wraps this error with the plan: the message ends with ";" and the tree. */
    @Test
    void watermarkOnAStringColumnCarriesThePlan() {
        Exception e = assertThrows(Exception.class, () -> rate("a").selectExpr("CAST(aId AS STRING) AS word")
                .withWatermark("word", "10 seconds"));
        assertTrue(e instanceof ExtendedAnalysisException, e.toString());
        assertTrue(e.getMessage().startsWith("[EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE] The event time `word` has the invalid "
                + "type \"STRING\", but expected \"TIMESTAMP\". SQLSTATE: 42K09;\nEventTimeWatermark"), e.getMessage());
    }
}
