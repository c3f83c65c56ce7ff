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
import static conformance.cases.EventTimeInput.stateProgress;
import static conformance.cases.EventTimeInput.t;
import static conformance.cases.EventTimeInput.watermarks;
import static conformance.cases.EventTimeInput.words;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.count;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.max;
import static io.tideway.sql.functions.min;
import static io.tideway.sql.functions.session_window;

/**
 * Session windows ({@code session_window}) on a stream: a row opens {@code [t, t + gap)}, sessions
 * of a key that overlap merge, also across batches and when a late row bridges two of them; a
 * static gap and a gap per row; append (a session is final when the watermark passes its end),
 * update and complete mode.
 */
public final class EventTimeSession {
    private EventTimeSession() {
    }

    private static Dataset<Row> sessionsWithWatermark(Dataset<Row> in, String delay) {
        return in.withWatermark("ts", delay)
                .groupBy(session_window(col("ts"), "10 seconds"), col("word")).count();
    }

    private static Dataset<Row> sessionInput(CaseContext ctx) throws Exception {
        return words(ctx,
                batch("a," + t("00:00:01"), "a," + t("00:00:05"), "b," + t("00:00:03")),
                batch("a," + t("00:00:12"), "b," + t("00:00:30")),
                batch("a," + t("00:00:45")));
    }

    @Case
    public static void sessionAppendEmitsClosedSessions(CaseContext ctx) throws Exception {
        Dataset<Row> counts = sessionsWithWatermark(sessionInput(ctx), "10 seconds");
        columns(ctx, counts);
        StreamingQuery q = run(ctx, counts, "append");
        watermarks(ctx, q);
    }

    @Case
    public static void sessionUpdateMode(CaseContext ctx) throws Exception {
        StreamingQuery q = run(ctx, sessionsWithWatermark(sessionInput(ctx), "10 seconds"), "update");
        watermarks(ctx, q);
    }

    @Case
    public static void sessionCompleteWithWatermark(CaseContext ctx) throws Exception {
        StreamingQuery q = run(ctx, sessionsWithWatermark(sessionInput(ctx), "10 seconds"), "complete");
        watermarks(ctx, q);
    }

    @Case
    public static void sessionCompleteMergesAcrossBatches(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:00"), "a," + t("00:00:08"), "a," + t("00:00:16"), "b," + t("00:00:05")),
                batch("a," + t("00:00:40"), "b," + t("00:00:14")),
                batch("a," + t("00:00:33")));
        run(ctx, in.groupBy(session_window(col("ts"), "10 seconds"), col("word")).count(), "complete");
    }

    /** A row exactly one gap after the previous one: does [0,10) meet [10,20)? */
    @Case
    public static void sessionsTouchingAtTheGap(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:00"), "b," + t("00:00:00"), "c," + t("00:00:00"), "c," + t("00:00:10")),
                batch("a," + t("00:00:10"), "b," + t("00:00:09")));
        run(ctx, in.groupBy(session_window(col("ts"), "10 seconds"), col("word")).count(), "complete");
    }

    /**
     * A row older than the watermark whose session still ends after it is accepted, and bridges
     * two open sessions into one.
     */
    @Case
    public static void lateRowMergesTwoSessions(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:00"), "a," + t("00:00:15"), "a," + t("00:00:30")),
                batch("a," + t("00:00:07")),
                batch("a," + t("00:01:00")));
        StreamingQuery q = run(ctx, sessionsWithWatermark(in, "20 seconds"), "append");
        stateProgress(ctx, q);
    }

    /**
     * With a 5 second delay: 00:00:12 (session end 22) extends [20,30) though the watermark is
     * 15; 00:00:04 for b (end 14) is late for the current watermark but not for the previous
     * batch's; 00:00:01 (end 11) in the next batch is late for both.
     */
    @Case
    public static void lateRowExtendsSession(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:20")),
                batch("a," + t("00:00:12"), "b," + t("00:00:04")),
                batch("a," + t("00:00:01"), "a," + t("00:00:40")));
        StreamingQuery q = run(ctx, sessionsWithWatermark(in, "5 seconds"), "append");
        stateProgress(ctx, q);
    }

    @Case
    public static void sessionGapPerRowFromColumn(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "word STRING, ts TIMESTAMP, gap STRING",
                batch("a," + t("00:00:00") + ",5 seconds", "a," + t("00:00:07") + ",5 seconds",
                        "b," + t("00:00:00") + ",20 seconds", "b," + t("00:00:15") + ",1 second"),
                batch("a," + t("00:00:04") + ",4 seconds", "b," + t("00:00:30") + ",1 minute"));
        Dataset<Row> counts = in.groupBy(session_window(col("ts"), col("gap")), col("word")).count();
        run(ctx, counts, "complete");
    }

    @Case
    public static void sessionGapPerRowNotPositiveOrNull(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "word STRING, ts TIMESTAMP, gap STRING",
                batch("a," + t("00:00:00") + ",0 seconds", "b," + t("00:00:01") + ",-5 seconds",
                        "c," + t("00:00:02") + ",", "d," + t("00:00:03") + ",10 seconds"),
                batch("d," + t("00:00:04") + ",0 seconds"));
        Dataset<Row> counts = in.groupBy(session_window(col("ts"), col("gap")), col("word")).count();
        run(ctx, counts, "complete");
    }

    @Case
    public static void sessionGapPerRowWithWatermarkAppend(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "word STRING, ts TIMESTAMP, gap STRING",
                batch("a," + t("00:00:00") + ",5 seconds", "b," + t("00:00:00") + ",30 seconds"),
                batch("a," + t("00:00:20") + ",5 seconds"),
                batch("a," + t("00:00:40") + ",5 seconds"));
        Dataset<Row> counts = in.withWatermark("ts", "10 seconds")
                .groupBy(session_window(col("ts"), col("gap")), col("word")).count();
        StreamingQuery q = run(ctx, counts, "append");
        watermarks(ctx, q);
    }

    @Case
    public static void sessionGapAsLiteralColumn(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:00"), "a," + t("00:00:09")),
                batch("a," + t("00:00:25")));
        run(ctx, in.groupBy(session_window(col("ts"), lit("10 seconds")), col("word")).count(), "complete");
    }

    @Case
    public static void sessionWindowAloneAsKey(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:00"), "b," + t("00:00:05")),
                batch("c," + t("00:00:30"), "d," + t("00:00:12")));
        Dataset<Row> counts = in.groupBy(session_window(col("ts"), "10 seconds")).count();
        columns(ctx, counts);
        run(ctx, counts, "complete");
    }

    @Case
    public static void sessionStartEndAndAggregates(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:00"), "a," + t("00:00:06")),
                batch("a," + t("00:00:13"), "b," + t("00:00:50")));
        Dataset<Row> agg = in.groupBy(session_window(col("ts"), "10 seconds").as("s"), col("word"))
                .agg(count("*").as("n"), min("ts"), max("ts"))
                .select(col("s.start"), col("s.end"), col("word"), col("n"), col("min(ts)"), col("max(ts)"));
        columns(ctx, agg);
        run(ctx, agg, "complete");
    }
}
