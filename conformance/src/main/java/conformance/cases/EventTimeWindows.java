package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;

import static conformance.cases.EventTimeInput.batch;
import static conformance.cases.EventTimeInput.columns;
import static conformance.cases.EventTimeInput.csv;
import static conformance.cases.EventTimeInput.run;
import static conformance.cases.EventTimeInput.t;
import static conformance.cases.EventTimeInput.words;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.min;
import static io.tideway.sql.functions.sum;
import static io.tideway.sql.functions.window;

/**
 * The guide's "window operations on event time": tumbling and sliding windows, {@code startTime},
 * windows over a timestamp parsed from a string, without a watermark (so in update and complete
 * mode, and late rows are always counted).
 */
public final class EventTimeWindows {
    private EventTimeWindows() {
    }

    private static Dataset<Row> threeBatches(CaseContext ctx) throws Exception {
        return words(ctx,
                batch("a," + t("00:00:01"), "a," + t("00:00:04"), "b," + t("00:00:12")),
                batch("a," + t("00:00:13"), "b," + t("00:00:25")),
                batch("a," + t("00:00:08"), "b," + t("00:00:10")));
    }

    @Case
    public static void tumblingWindowComplete(CaseContext ctx) throws Exception {
        Dataset<Row> counts = threeBatches(ctx).groupBy(window(col("ts"), "10 seconds"), col("word")).count();
        columns(ctx, counts);
        run(ctx, counts, "complete");
    }

    @Case
    public static void tumblingWindowUpdate(CaseContext ctx) throws Exception {
        Dataset<Row> counts = threeBatches(ctx).groupBy(window(col("ts"), "10 seconds"), col("word")).count();
        run(ctx, counts, "update");
    }

    @Case
    public static void tumblingWindowAloneAsKey(CaseContext ctx) throws Exception {
        Dataset<Row> counts = threeBatches(ctx).groupBy(window(col("ts"), "10 seconds")).count();
        columns(ctx, counts);
        run(ctx, counts, "update");
    }

    /** The guide's picture: 10 minute windows sliding every 5 minutes; 12:07 counts in two windows. */
    @Case
    public static void slidingWindowGuideExample(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("cat," + t("12:02:00"), "dog," + t("12:03:00")),
                batch("owl," + t("12:07:00"), "dog," + t("12:09:00")),
                batch("cat," + t("12:11:00"), "dog," + t("12:13:00")));
        Dataset<Row> counts = in.groupBy(window(col("ts"), "10 minutes", "5 minutes"), col("word")).count();
        run(ctx, counts, "complete");
    }

    /** A slide that does not divide the window: ceil(10/3) = 4 candidate windows, the one ending at t is not kept. */
    @Case
    public static void slidingWindowSlideNotDividingWindow(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:07")),
                batch("a," + t("00:00:09")));
        Dataset<Row> counts = in.groupBy(window(col("ts"), "10 seconds", "3 seconds")).count();
        run(ctx, counts, "complete");
    }

    @Case
    public static void slidingWindowUpdateOnlyChangedWindows(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:02"), "a," + t("00:00:06")),
                batch("a," + t("00:00:11")),
                batch("a," + t("00:00:04")));
        Dataset<Row> counts = in.groupBy(window(col("ts"), "10 seconds", "5 seconds")).count();
        run(ctx, counts, "update");
    }

    @Case
    public static void tumblingWindowStartTime(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:02"), "a," + t("00:00:03")),
                batch("a," + t("00:00:12"), "a," + t("00:00:13")));
        Dataset<Row> counts = in.groupBy(window(col("ts"), "10 seconds", "10 seconds", "3 seconds")).count();
        run(ctx, counts, "complete");
    }

    @Case
    public static void tumblingWindowNegativeStartTime(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:05"), "a," + t("00:00:06")),
                batch("a," + t("00:00:07"), "a," + t("00:00:17")));
        Dataset<Row> counts = in.groupBy(window(col("ts"), "10 seconds", "10 seconds", "-3 seconds")).count();
        run(ctx, counts, "complete");
    }

    /** The guide's hourly windows that start at a quarter past the hour. */
    @Case
    public static void hourlyWindowStartingQuarterPast(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:10:00"), "a," + t("00:20:00")),
                batch("a," + t("01:14:59"), "a," + t("01:15:00")));
        Dataset<Row> counts = in.groupBy(window(col("ts"), "1 hour", "1 hour", "15 minutes")).count();
        run(ctx, counts, "complete");
    }

    @Case
    public static void slidingWindowWithStartTime(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:01")),
                batch("a," + t("00:00:08")));
        Dataset<Row> counts = in.groupBy(window(col("ts"), "10 seconds", "5 seconds", "2 seconds")).count();
        run(ctx, counts, "complete");
    }

    @Case
    public static void windowOverStringCastToTimestamp(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "word STRING, ts STRING",
                batch("a," + t("00:00:01"), "b," + t("00:00:11")),
                batch("a," + t("00:00:09.500"), "a,2024-01-01T00:00:12"));
        Dataset<Row> counts = in.withColumn("ts", col("ts").cast("timestamp"))
                .groupBy(window(col("ts"), "10 seconds"), col("word")).count();
        run(ctx, counts, "update");
    }

    /** The window's time column is an expression: a string cast to a timestamp inside {@code window}. */
    @Case
    public static void windowOverCastExpression(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "word STRING, ts STRING",
                batch("a," + t("00:00:01"), "b," + t("00:00:11")),
                batch("a," + t("00:00:09")));
        Dataset<Row> counts = in.groupBy(window(col("ts").cast("timestamp"), "10 seconds"), col("word")).count();
        columns(ctx, counts);
        run(ctx, counts, "update");
    }

    /** {@code window} over a string column without a cast: the string is cast implicitly. */
    @Case
    public static void windowOverStringColumnWithoutCast(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "word STRING, ts STRING",
                batch("a," + t("00:00:01"), "b," + t("00:00:11")),
                batch("a," + t("00:00:09")));
        Dataset<Row> counts = in.groupBy(window(col("ts"), "10 seconds"), col("word")).count();
        run(ctx, counts, "update");
    }

    @Case
    public static void windowSkipsRowsWithNullTime(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:01"), "a,"),
                batch("a,", "b," + t("00:00:03")));
        Dataset<Row> counts = in.groupBy(window(col("ts"), "10 seconds"), col("word")).count();
        run(ctx, counts, "complete");
    }

    @Case
    public static void windowDurationSpellings(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:01"), "a," + t("00:00:11")),
                batch("a," + t("00:01:01")));
        for (String d : new String[] {"1 minute", "60 seconds", "interval 1 minute", "1 minutes 0 seconds", "60000 milliseconds"}) {
            ctx.println("window " + d + ":");
            StreamingQuery q = run(ctx, in.groupBy(window(col("ts"), d)).count(), "complete");
            q.stop();
        }
    }

    @Case
    public static void windowSeveralAggregates(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "word STRING, ts TIMESTAMP, v INT",
                batch("a," + t("00:00:01") + ",1", "a," + t("00:00:04") + ",2", "b," + t("00:00:07") + ",5"),
                batch("a," + t("00:00:03") + ",10", "a," + t("00:00:15") + ",7"));
        Dataset<Row> agg = in.groupBy(window(col("ts"), "10 seconds"), col("word"))
                .agg(count("*"), sum("v"), min("ts"), max("ts"));
        columns(ctx, agg);
        run(ctx, agg, "update");
    }

    @Case
    public static void windowStartAndEndSelected(CaseContext ctx) throws Exception {
        Dataset<Row> counts = threeBatches(ctx).groupBy(window(col("ts"), "10 seconds"), col("word")).count()
                .select(col("window.start"), col("window.end"), col("word"), col("count"));
        columns(ctx, counts);
        run(ctx, counts, "update");
    }

    /** A window column renamed with {@code as} in groupBy keeps that name. */
    @Case
    public static void windowAliasedInGroupBy(CaseContext ctx) throws Exception {
        Dataset<Row> counts = threeBatches(ctx).groupBy(window(col("ts"), "10 seconds").as("w")).count();
        columns(ctx, counts);
        run(ctx, counts.select(col("w.start"), col("count")), "update");
    }

    @Case
    public static void windowSubSecondDuration(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:01.100"), "a," + t("00:00:01.400"), "a," + t("00:00:01.600")),
                batch("a," + t("00:00:01.499")));
        Dataset<Row> counts = in.groupBy(window(col("ts"), "500 milliseconds")).count();
        run(ctx, counts, "complete");
    }

    /** Windows offset by a start time across midnight (and a year boundary). */
    @Case
    public static void windowAcrossMidnight(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a,2023-12-31 23:59:58", "a," + t("00:00:02")),
                batch("a,2023-12-31 23:59:59"));
        Dataset<Row> counts = in.groupBy(window(col("ts"), "10 seconds", "10 seconds", "5 seconds")).count();
        run(ctx, counts, "complete");
    }
}
