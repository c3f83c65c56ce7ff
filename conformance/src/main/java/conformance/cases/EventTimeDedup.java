package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;

import static conformance.cases.EventTimeInput.batch;
import static conformance.cases.EventTimeInput.csv;
import static conformance.cases.EventTimeInput.run;
import static conformance.cases.EventTimeInput.stateProgress;
import static conformance.cases.EventTimeInput.t;
import static conformance.cases.EventTimeInput.watermarks;
import static conformance.cases.EventTimeInput.words;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.window;

/**
 * The guide's "streaming deduplication": {@code dropDuplicates} on all columns or some, without a
 * watermark (state kept forever) and with one (late rows dropped, state evicted),
 * {@code dropDuplicatesWithinWatermark}, and an aggregation after a deduplication.
 */
public final class EventTimeDedup {
    private static final String ID_TS_V = "id STRING, ts TIMESTAMP, v STRING";

    private EventTimeDedup() {
    }

    @Case
    public static void dropDuplicatesAllColumnsAcrossBatches(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "id STRING, v INT",
                batch("1,10", "1,10", "2,20", "1,11"),
                batch("2,20", "3,30", "1,11"),
                batch("3,31", "3,30"));
        StreamingQuery q = run(ctx, in.dropDuplicates(), "append");
        stateProgress(ctx, q);
    }

    /** Within a batch the first row of a key wins; later batches' rows of a seen key are dropped. */
    @Case
    public static void dropDuplicatesByIdWithoutWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "id STRING, v STRING",
                batch("1,first", "2,b", "1,second"),
                batch("1,x", "3,c"),
                batch("2,y", "3,z", "4,d"));
        StreamingQuery q = run(ctx, in.dropDuplicates("id"), "append");
        stateProgress(ctx, q);
    }

    @Case
    public static void dropDuplicatesColumnArray(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "id STRING, kind STRING, v INT",
                batch("1,a,1", "1,b,2", "1,a,3"),
                batch("1,b,4", "2,a,5"));
        run(ctx, in.dropDuplicates(new String[] {"id", "kind"}), "append");
    }

    /**
     * Key (word, ts) with a 10 second watermark. Batch 1 runs with watermark 00:00:20 (previous
     * batch: 0): c at 00:00:15 is older than the current watermark, not than the previous one.
     * Batch 2 (watermark 00:00:30, previous 00:00:20): c again is late for both, d at 00:00:25
     * only for the current one.
     */
    @Case
    public static void dropDuplicatesWithWatermarkLateRows(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:30"), "b," + t("00:00:05")),
                batch("c," + t("00:00:15"), "a," + t("00:00:30"), "b," + t("00:00:05"), "e," + t("00:00:40")),
                batch("c," + t("00:00:15"), "d," + t("00:00:25"), "f," + t("00:00:50")));
        Dataset<Row> dedup = in.withWatermark("ts", "10 seconds").dropDuplicates("word", "ts");
        StreamingQuery q = run(ctx, dedup, "append");
        stateProgress(ctx, q);
    }

    /**
     * A repeat of (a, 00:00:05) in the batch whose watermark (00:00:10) expires its state, while
     * the previous batch's watermark (0) does not make it late; then once more a batch later.
     */
    @Case
    public static void dropDuplicatesRepeatInTheBatchThatExpiresIt(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:05")),
                batch("z," + t("00:00:20")),
                batch("a," + t("00:00:05")),
                batch("a," + t("00:00:05"), "a," + t("00:00:11")),
                batch("z," + t("00:00:40")));
        Dataset<Row> dedup = in.withWatermark("ts", "10 seconds").dropDuplicates("word", "ts");
        StreamingQuery q = run(ctx, dedup, "append");
        stateProgress(ctx, q);
    }

    /**
     * The key does not hold the event time: state is never evicted (a repeat much later is still
     * a duplicate), but a row older than the watermark is dropped all the same.
     */
    @Case
    public static void dropDuplicatesByIdWithWatermarkDropsLateRows(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:05"), "b," + t("00:00:30")),
                batch("a," + t("00:00:50"), "c," + t("00:00:35")),
                batch("d," + t("00:00:12"), "b," + t("00:00:33")));
        Dataset<Row> dedup = in.withWatermark("ts", "10 seconds").dropDuplicates("word");
        StreamingQuery q = run(ctx, dedup, "append");
        stateProgress(ctx, q);
    }

    /** The key does not hold the event time; the watermark moved in the last batch: a no-data batch follows. */
    @Case
    public static void dropDuplicatesByIdWithWatermarkNoDataBatch(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:05")),
                batch("b," + t("00:00:30")));
        Dataset<Row> dedup = in.withWatermark("ts", "10 seconds").dropDuplicates("word");
        StreamingQuery q = run(ctx, dedup, "append");
        watermarks(ctx, q);
    }

    /**
     * A row's key is kept until the watermark reaches its time plus the delay; a repeat in the
     * batch whose watermark passes that is still a duplicate, the next is not.
     */
    @Case
    public static void dropDuplicatesWithinWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, ID_TS_V,
                batch("1," + t("00:00:00") + ",x", "1," + t("00:00:03") + ",y", "2," + t("00:00:05") + ",z"),
                batch("1," + t("00:00:08") + ",w", "3," + t("00:00:30") + ",u"),
                batch("1," + t("00:00:25") + ",v", "6," + t("00:00:15") + ",p"),
                batch("1," + t("00:00:26") + ",t", "2," + t("00:00:12") + ",s", "4," + t("00:00:45") + ",r"));
        Dataset<Row> dedup = in.withWatermark("ts", "10 seconds").dropDuplicatesWithinWatermark("id");
        StreamingQuery q = run(ctx, dedup, "append");
        stateProgress(ctx, q);
    }

    @Case
    public static void dropDuplicatesWithinWatermarkAllColumns(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, ID_TS_V,
                batch("1," + t("00:00:00") + ",x", "1," + t("00:00:00") + ",x", "1," + t("00:00:01") + ",x"),
                batch("1," + t("00:00:00") + ",x", "1," + t("00:00:01") + ",y"));
        StreamingQuery q = run(ctx, in.withWatermark("ts", "10 seconds").dropDuplicatesWithinWatermark(), "append");
        watermarks(ctx, q);
    }

    @Case
    public static void dropDuplicatesWithinWatermarkSeveralColumns(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, ID_TS_V,
                batch("1," + t("00:00:00") + ",x", "1," + t("00:00:02") + ",y", "1," + t("00:00:04") + ",x"),
                batch("1," + t("00:00:06") + ",y", "2," + t("00:00:07") + ",x"));
        StreamingQuery q = run(ctx, in.withWatermark("ts", "10 seconds").dropDuplicatesWithinWatermark("id", "v"), "append");
        watermarks(ctx, q);
    }

    @Case
    public static void countAfterDropDuplicatesUpdate(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "id STRING, kind STRING",
                batch("1,a", "2,a", "1,a"),
                batch("2,a", "3,b"),
                batch("4,a", "3,b"));
        run(ctx, in.dropDuplicates("id").groupBy("kind").count(), "update");
    }

    @Case
    public static void countAfterDropDuplicatesComplete(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "id STRING, kind STRING",
                batch("1,a", "2,a", "1,a"),
                batch("2,a", "3,b"),
                batch("4,a", "3,b"));
        run(ctx, in.dropDuplicates("id").groupBy("kind").count(), "complete");
    }

    /** Two stateful operators with one watermark: deduplicate (word, ts), then count per window in append mode. */
    @Case
    public static void windowCountAfterDropDuplicatesAppend(CaseContext ctx) throws Exception {
        Dataset<Row> in = words(ctx,
                batch("a," + t("00:00:01"), "a," + t("00:00:01"), "b," + t("00:00:02")),
                batch("a," + t("00:00:01"), "c," + t("00:00:25")),
                batch("d," + t("00:00:40")));
        Dataset<Row> counts = in.withWatermark("ts", "10 seconds").dropDuplicates("word", "ts")
                .groupBy(window(col("ts"), "10 seconds")).count();
        StreamingQuery q = run(ctx, counts, "append");
        watermarks(ctx, q);
    }

    @Case
    public static void dropDuplicatesUpdateMode(CaseContext ctx) throws Exception {
        Dataset<Row> in = csv(ctx, "id STRING, v INT",
                batch("1,1", "1,2"),
                batch("1,3", "2,4"));
        run(ctx, in.dropDuplicates("id"), "update");
    }
}
