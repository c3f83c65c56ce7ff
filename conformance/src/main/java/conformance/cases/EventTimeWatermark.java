package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;

import static conformance.cases.EventTimeInput.WORD_TS;
import static conformance.cases.EventTimeInput.batch;
import static conformance.cases.EventTimeInput.csv;
import static conformance.cases.EventTimeInput.run;
import static conformance.cases.EventTimeInput.stateProgress;
import static conformance.cases.EventTimeInput.t;
import static conformance.cases.EventTimeInput.watermarks;
import static conformance.cases.EventTimeInput.watermarksAndState;
import static conformance.cases.EventTimeInput.words;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.window;

/**
 * The guide's "handling late data and watermarking" and the output modes of a windowed
 * aggregation with a watermark: when append emits, what update and complete keep, which late rows
 * are dropped and against which watermark, the no-data batch that runs when the watermark moved.
 * Every case prints, after its batches, the watermark each batch ran with (query progress).
 */
public final class EventTimeWatermark {
    private EventTimeWatermark() {
    }

    /** 10 second tumbling windows per word, with a 10 second watermark delay. */
    private static Dataset<Row> windowCounts(Dataset<Row> in) {
        return in.withWatermark("ts", "10 seconds").groupBy(window(col("ts"), "10 seconds"), col("word")).count();
    }

    @Case
    public static void appendEmitsWindowOnceWatermarkReachesItsEnd(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:01"), "a," + t("00:00:05"), "b," + t("00:00:08")),
                batch("a," + t("00:00:14"), "b," + t("00:00:19")),
                batch("a," + t("00:00:20")),
                batch("a," + t("00:00:31")));
        StreamingQuery q = run(ctx, windowCounts(in), "append");
        watermarks(ctx, q);
        ctx.println("last progress: batch " + q.lastProgress().batchId()
                + ", watermark " + q.lastProgress().eventTime().get("watermark"));
    }

    @Case
    public static void updateEmitsChangedWindowsAndEvicts(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:01"), "b," + t("00:00:08")),
                batch("a," + t("00:00:15"), "a," + t("00:00:22")),
                batch("a," + t("00:00:24")),
                batch("a," + t("00:00:05"), "a," + t("00:00:16")),
                batch("a," + t("00:00:40")));
        StreamingQuery q = run(ctx, windowCounts(in), "update");
        stateProgress(ctx, q);
    }

    @Case
    public static void completeKeepsAllStateAndCountsLateRows(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:01"), "b," + t("00:00:08")),
                batch("a," + t("00:00:15"), "a," + t("00:00:22")),
                batch("a," + t("00:00:24")),
                batch("a," + t("00:00:05"), "a," + t("00:00:16")),
                batch("a," + t("00:00:40")));
        StreamingQuery q = run(ctx, windowCounts(in), "complete");
        stateProgress(ctx, q);
    }

    /**
     * Which watermark drops input rows in batch N. Batch 1 runs with watermark 00:00:20 (from
     * 00:00:30 in batch 0) while batch 0 ran with 0; its row at 00:00:05 (window end 00:00:10)
     * is late for the former, not for the latter. Likewise in batch 2 (watermark 00:00:30,
     * previous 00:00:20): 00:00:15 (end 00:00:20) is late for both, 00:00:25 (end 00:00:30)
     * only for the current one.
     */
    @Case
    public static void appendLateRowsAgainstWhichWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:30")),
                batch("a," + t("00:00:40"), "a," + t("00:00:05")),
                batch("a," + t("00:00:45"), "a," + t("00:00:15"), "a," + t("00:00:25")));
        StreamingQuery q = run(ctx, windowCounts(in), "append");
        stateProgress(ctx, q);
    }

    /** {@link #appendLateRowsAgainstWhichWatermark} in update mode. */
    @Case
    public static void updateLateRowsAgainstWhichWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:30")),
                batch("a," + t("00:00:40"), "a," + t("00:00:05")),
                batch("a," + t("00:00:45"), "a," + t("00:00:15"), "a," + t("00:00:25")));
        StreamingQuery q = run(ctx, windowCounts(in), "update");
        stateProgress(ctx, q);
    }

    /** The same watermark in batches 1 and 2: a window ending exactly at it is late, one ending after it is not. */
    @Case
    public static void lateWhenWindowEndEqualsWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:30")),
                batch("b," + t("00:00:30")),
                batch("a," + t("00:00:10"), "a," + t("00:00:19"), "a," + t("00:00:20")));
        StreamingQuery q = run(ctx, windowCounts(in), "update");
        watermarks(ctx, q);
    }

    @Case
    public static void watermarkNeverMovesBackwards(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:30")),
                batch("a," + t("00:00:22")),
                batch("a," + t("00:00:35")),
                batch("a," + t("00:00:31")));
        StreamingQuery q = run(ctx, windowCounts(in), "update");
        watermarks(ctx, q);
    }

    /** All rows of a batch are judged by the watermark of the batch before: a late row next to a later one counts. */
    @Case
    public static void rowsOfOneBatchShareTheWatermarkBeforeIt(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:50"), "a," + t("00:00:05")));
        StreamingQuery q = run(ctx, windowCounts(in), "append");
        watermarks(ctx, q);
    }

    /**
     * What numRowsDroppedByWatermark counts: five late rows of batch 2 (watermark 00:00:21, the
     * batch before 00:00:20) fall into three (window, word) groups.
     */
    @Case
    public static void droppedByWatermarkCountsPerGroup(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:30")),
                batch("a," + t("00:00:31")),
                batch("a," + t("00:00:01"), "a," + t("00:00:02"), "a," + t("00:00:03"), "b," + t("00:00:04"),
                        "a," + t("00:00:12")));
        StreamingQuery q = run(ctx, windowCounts(in), "update");
        stateProgress(ctx, q);
    }

    /** The last batch leaves the watermark where it was: no trailing no-data batch, the open window is never emitted. */
    @Case
    public static void appendNoTrailingBatchWhenWatermarkStill(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:30")),
                batch("a," + t("00:00:35")),
                batch("a," + t("00:00:22")));
        StreamingQuery q = run(ctx, windowCounts(in), "append");
        watermarks(ctx, q);
    }

    /**
     * Two AvailableNow runs on one checkpoint: each ends with a no-data batch (foreachBatch is
     * called with no rows) because its last batch moved the watermark.
     */
    @Case
    public static void noDataBatchEndsEachRun(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String checkpoint = ctx.path("checkpoint");
        ctx.file(in, "0.csv", "a," + t("00:00:01"));
        ctx.file(in, "1.csv", "a," + t("00:00:25"));
        for (int run = 1; run <= 2; run++) {
            if (run == 2) {
                ctx.file(in, "2.csv", "a," + t("00:00:12"), "b," + t("00:00:38"));
            }
            ctx.println("run " + run + ":");
            Dataset<Row> df = ctx.spark().readStream().schema(WORD_TS).option("maxFilesPerTrigger", 1).csv(in.toString());
            StreamingQuery q = windowCounts(df).writeStream()
                    .outputMode("append")
                    .option("checkpointLocation", checkpoint)
                    .trigger(Trigger.AvailableNow())
                    .foreachBatch(ctx.<Row>batches())
                    .start();
            q.awaitTermination();
            watermarks(ctx, q);
        }
    }

    /** A watermark with no stateful operator drops nothing and runs no no-data batch. */
    @Case
    public static void watermarkWithoutStatefulOperatorDropsNothing(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:30")),
                batch("b," + t("00:00:01")),
                batch("c," + t("00:00:02"), "d," + t("00:00:45")));
        StreamingQuery q = run(ctx, in.withWatermark("ts", "10 seconds").where(col("word").notEqual("x")), "append");
        watermarks(ctx, q);
    }

    /**
     * A filter on another column after withWatermark: the rows it removes (x) do not move the
     * watermark (Spark pushes such a filter below the watermark). The CSV source does not count
     * rows a pushed filter removed, so the row counts are not printed.
     */
    @Case
    public static void filterOnOtherColumnAfterWithWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:05"), "x," + t("00:00:50")),
                batch("x," + t("00:00:51")),
                batch("a," + t("00:00:12")));
        Dataset<Row> counts = in.withWatermark("ts", "10 seconds").where(col("word").notEqual("x"))
                .groupBy(window(col("ts"), "10 seconds"), col("word")).count();
        StreamingQuery q = run(ctx, counts, "update");
        watermarksAndState(ctx, q);
    }

    /** A filter on the event time after withWatermark: the rows it removes still moved the watermark. */
    @Case
    public static void filterOnEventTimeAfterWithWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:05"), "x," + t("00:00:50")),
                batch("x," + t("00:00:51")),
                batch("a," + t("00:00:12")));
        Dataset<Row> counts = in.withWatermark("ts", "10 seconds")
                .where(col("ts").lt(lit(Timestamp.valueOf(t("00:00:40")))))
                .groupBy(window(col("ts"), "10 seconds"), col("word")).count();
        StreamingQuery q = run(ctx, counts, "update");
        watermarksAndState(ctx, q);
    }

    /** Rows filtered out before withWatermark do not move it. */
    @Case
    public static void filterBeforeWithWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:05"), "x," + t("00:00:50")),
                batch("x," + t("00:00:51")),
                batch("a," + t("00:00:12")));
        Dataset<Row> counts = windowCounts(in.where(col("word").notEqual("x")));
        StreamingQuery q = run(ctx, counts, "update");
        watermarksAndState(ctx, q);
    }

    @Case
    public static void appendSlidingWindows(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:03"), "a," + t("00:00:07")),
                batch("a," + t("00:00:18")),
                batch("a," + t("00:00:26")),
                batch("a," + t("00:00:27")));
        Dataset<Row> counts = in.withWatermark("ts", "10 seconds")
                .groupBy(window(col("ts"), "10 seconds", "5 seconds")).count();
        StreamingQuery q = run(ctx, counts, "append");
        watermarks(ctx, q);
    }

    private static Dataset<Row> guideInput(CaseContext ctx) throws Exception {
        return words(ctx,
                batch("dog," + t("12:07:00"), "owl," + t("12:08:00")),
                batch("dog," + t("12:14:00"), "cat," + t("12:09:00")),
                batch("cat," + t("12:15:00"), "dog," + t("12:08:00"), "owl," + t("12:13:00"), "owl," + t("12:21:00")),
                batch("owl," + t("12:17:00"), "donkey," + t("12:04:00")));
    }

    /**
     * The guide's update mode picture: 10 minute windows sliding by 5, a 10 minute delay. The
     * guide says (12:04, donkey) in the last batch is ignored as too late (watermark 12:11).
     */
    @Case
    public static void guideExampleUpdate(CaseContext ctx) throws Exception {
        Dataset<Row> counts = guideInput(ctx).withWatermark("ts", "10 minutes")
                .groupBy(window(col("ts"), "10 minutes", "5 minutes"), col("word")).count();
        StreamingQuery q = run(ctx, counts, "update");
        stateProgress(ctx, q);
    }

    /** The guide's append mode picture: only final counts, once the watermark passed the window end. */
    @Case
    public static void guideExampleAppend(CaseContext ctx) throws Exception {
        Dataset<Row> counts = guideInput(ctx).withWatermark("ts", "10 minutes")
                .groupBy(window(col("ts"), "10 minutes", "5 minutes"), col("word")).count();
        StreamingQuery q = run(ctx, counts, "append");
        stateProgress(ctx, q);
    }

    /** An aggregation keyed on the event-time column itself (no window): a key is final once it is at or below the watermark. */
    @Case
    public static void appendGroupByEventTimeColumn(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:01"), "b," + t("00:00:01"), "a," + t("00:00:10")),
                batch("a," + t("00:00:14")),
                batch("a," + t("00:00:20")));
        Dataset<Row> counts = in.withWatermark("ts", "10 seconds").groupBy(col("ts")).count();
        StreamingQuery q = run(ctx, counts, "append");
        watermarks(ctx, q);
    }

    @Case
    public static void appendOverTimestampParsedFromString(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "word STRING, ts STRING",
                batch("a," + t("00:00:01"), "a," + t("00:00:09")),
                batch("a," + t("00:00:25")));
        Dataset<Row> counts = windowCounts(in.withColumn("ts", col("ts").cast("timestamp")));
        StreamingQuery q = run(ctx, counts, "append");
        watermarks(ctx, q);
    }

    @Case
    public static void watermarkDelayInMinutes(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:10")),
                batch("a," + t("00:02:30")),
                batch("a," + t("00:03:45")));
        Dataset<Row> counts = in.withWatermark("ts", "1 minute 30 seconds")
                .groupBy(window(col("ts"), "1 minute")).count();
        StreamingQuery q = run(ctx, counts, "append");
        watermarks(ctx, q);
    }

    /** Two watermarked streams in a union: the global watermark is the minimum of the two (default policy). */
    @Case
    public static void unionOfTwoWatermarksMinPolicy(CaseContext ctx) throws Exception {
        unionOfTwoWatermarks(ctx);
    }

    @Case
    public static void unionOfTwoWatermarksMaxPolicy(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.streaming.multipleWatermarkPolicy", "max");
        unionOfTwoWatermarks(ctx);
    }

    private static void unionOfTwoWatermarks(CaseContext ctx) throws Exception {
        Path left = ctx.dir("left");
        Path right = ctx.dir("right");
        ctx.file(left, "0.csv", "l," + t("00:00:30"));
        ctx.file(right, "0.csv", "r," + t("00:00:30"));
        ctx.file(left, "1.csv", "l," + t("00:00:12"), "l," + t("00:00:35"));
        ctx.file(right, "1.csv", "r," + t("00:00:12"), "r," + t("00:00:35"));
        ctx.file(left, "2.csv", "l," + t("00:00:19"));
        ctx.file(right, "2.csv", "r," + t("00:00:19"));
        Dataset<Row> l = ctx.spark().readStream().schema(WORD_TS).option("maxFilesPerTrigger", 1).csv(left.toString())
                .withWatermark("ts", "10 seconds");
        Dataset<Row> r = ctx.spark().readStream().schema(WORD_TS).option("maxFilesPerTrigger", 1).csv(right.toString())
                .withWatermark("ts", "20 seconds");
        Dataset<Row> counts = l.union(r).groupBy(window(col("ts"), "10 seconds"), col("word")).count();
        StreamingQuery q = run(ctx, counts, "update");
        stateProgress(ctx, q);
    }

    /** The guide: withWatermark on a batch Dataset does nothing; no row is dropped as late. */
    @Case
    public static void withWatermarkOnBatchDatasetIsNoOp(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("word", "string").add("ts", "timestamp");
        Dataset<Row> df = ctx.spark().createDataFrame(List.of(
                RowFactory.create("a", Timestamp.valueOf(t("00:00:50"))),
                RowFactory.create("a", Timestamp.valueOf(t("00:00:01"))),
                RowFactory.create("b", Timestamp.valueOf(t("00:00:02")))), schema);
        ctx.println("streaming: " + df.isStreaming());
        ctx.show(windowCounts(df));
    }
}
