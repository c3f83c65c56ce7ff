package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import static conformance.cases.EventTimeInput.batch;
import static conformance.cases.EventTimeInput.csv;
import static conformance.cases.EventTimeInput.t;
import static conformance.cases.EventTimeInput.words;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.session_window;
import static io.tideway.sql.functions.window;

/**
 * Event-time queries Spark refuses, and when: building the column ("column"), defining the
 * Dataset ("defined"), or starting the query ("started"); the first line of the error follows.
 */
public final class EventTimeErrors {
    private EventTimeErrors() {
    }

    private static Dataset<Row> input(CaseContext ctx) throws Exception {
        return words(ctx,
                batch("a," + t("00:00:01"), "b," + t("00:00:25")),
                batch("a," + t("00:00:40")));
    }

    /** Starts {@code df} in {@code mode}, printing "started" and its batches if Spark accepts it. */
    private static void start(CaseContext ctx, Dataset<Row> df, String mode) throws Exception {
        StreamingQuery q = df.writeStream()
                .outputMode(mode)
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches())
                .start();
        ctx.println("started");
        q.awaitTermination();
    }

    @Case
    public static void appendWindowCountWithoutWatermark(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).groupBy(window(col("ts"), "10 seconds"), col("word")).count();
            ctx.println("defined");
            start(ctx, df, "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void appendCountWatermarkNotOnGroupingKey(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).withWatermark("ts", "10 seconds").groupBy(col("word")).count();
            ctx.println("defined");
            start(ctx, df, "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** The guide: {@code df.groupBy("time").count().withWatermark("time", "1 min")} is not valid in append mode. */
    @Case
    public static void appendWatermarkAfterAggregation(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).groupBy(col("ts")).count().withWatermark("ts", "10 seconds");
            ctx.println("defined");
            start(ctx, df, "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void watermarkOnStringColumn(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).withWatermark("word", "10 seconds");
            ctx.println("defined");
            start(ctx, df, "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void watermarkOnUnknownColumn(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).withWatermark("nope", "10 seconds");
            ctx.println("defined");
            start(ctx, df, "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void watermarkBadDelay(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).withWatermark("ts", "10 bananas");
            ctx.println("defined");
            start(ctx, df, "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void watermarkNegativeDelay(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).withWatermark("ts", "-10 seconds");
            ctx.println("defined");
            start(ctx, df, "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    private static void windowCount(CaseContext ctx, String duration, String slide, String start) throws Exception {
        try {
            Column w = window(col("ts"), duration, slide, start);
            ctx.println("column");
            Dataset<Row> df = input(ctx).groupBy(w).count();
            ctx.println("defined");
            start(ctx, df, "complete");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void windowBadDuration(CaseContext ctx) throws Exception {
        windowCount(ctx, "10 bananas", "10 bananas", "0 seconds");
    }

    @Case
    public static void windowZeroDuration(CaseContext ctx) throws Exception {
        windowCount(ctx, "0 seconds", "0 seconds", "0 seconds");
    }

    @Case
    public static void windowSlideLongerThanWindow(CaseContext ctx) throws Exception {
        windowCount(ctx, "10 seconds", "20 seconds", "0 seconds");
    }

    @Case
    public static void windowStartTimeNotBelowSlide(CaseContext ctx) throws Exception {
        windowCount(ctx, "10 seconds", "10 seconds", "10 seconds");
    }

    @Case
    public static void windowOfOneMonth(CaseContext ctx) throws Exception {
        windowCount(ctx, "1 month", "1 month", "0 seconds");
    }

    @Case
    public static void windowOverIntColumn(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> in = csv(ctx, "word STRING, v INT", batch("a,1"));
            Dataset<Row> df = in.groupBy(window(col("v"), "10 seconds")).count();
            ctx.println("defined");
            start(ctx, df, "complete");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void twoWindowsInOneGroupBy(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).groupBy(window(col("ts"), "10 seconds"), window(col("ts"), "20 seconds")).count();
            ctx.println("defined");
            start(ctx, df, "complete");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void completeModeWithoutAggregation(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).withWatermark("ts", "10 seconds").select(col("word"), col("ts"));
            ctx.println("defined");
            start(ctx, df, "complete");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void dropDuplicatesWithinWatermarkWithoutWatermark(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).dropDuplicatesWithinWatermark("word");
            ctx.println("defined");
            start(ctx, df, "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void dropDuplicatesUnknownColumn(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).dropDuplicates("nope");
            ctx.println("defined");
            start(ctx, df, "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void sessionWindowAppendWithoutWatermark(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).groupBy(session_window(col("ts"), "10 seconds"), col("word")).count();
            ctx.println("defined");
            start(ctx, df, "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void sessionWindowBadGap(CaseContext ctx) throws Exception {
        try {
            Column s = session_window(col("ts"), "10 bananas");
            ctx.println("column");
            Dataset<Row> df = input(ctx).groupBy(s, col("word")).count();
            ctx.println("defined");
            start(ctx, df, "complete");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void sessionWindowNegativeGap(CaseContext ctx) throws Exception {
        try {
            Column s = session_window(col("ts"), "-10 seconds");
            ctx.println("column");
            Dataset<Row> df = input(ctx).groupBy(s, col("word")).count();
            ctx.println("defined");
            start(ctx, df, "complete");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void sessionWindowWithTimeWindow(CaseContext ctx) throws Exception {
        try {
            Dataset<Row> df = input(ctx).groupBy(session_window(col("ts"), "10 seconds"), window(col("ts"), "10 seconds")).count();
            ctx.println("defined");
            start(ctx, df, "complete");
        } catch (Exception e) {
            ctx.error(e);
        }
    }
}
