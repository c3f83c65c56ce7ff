package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;

import static conformance.cases.JoinsInput.batch;
import static conformance.cases.JoinsInput.columns;
import static conformance.cases.JoinsInput.csv;
import static conformance.cases.JoinsInput.run;
import static conformance.cases.JoinsInput.stateRows;
import static conformance.cases.JoinsInput.t;
import static conformance.cases.JoinsInput.watermarks;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.expr;
import static io.tideway.sql.functions.window;

/**
 * The guide's stream-stream joins. Without watermarks an inner join matches rows whichever batch
 * they came in. With the guide's ad example (impressions with a 2 hour watermark, clicks with a
 * 3 hour one, a click 0 to 1 hour after its impression) outer joins emit a null-padded row only
 * once the global watermark (the minimum of the two) has passed the time when the row could still
 * match: the inputs below advance the impressions' watermark first and the clicks' later, so the
 * padded rows come several batches after their input.
 *
 * <p>Ad inputs, batch by batch (ids 1, 2, 4 click in time, 3 clicks too late, 5 and 6 never):
 * batch 0 impressions 1@10:00 2@10:05 3@10:10, click 1@10:20; batch 1 impression 4@12:00, clicks
 * 2@10:50 3@11:30; batch 2 impression 5@15:00, clicks 4@12:30 9@15:30; batch 3 impression
 * 6@20:00, click 10@18:00.
 */
public final class JoinsStreamStream {
    private JoinsStreamStream() {
    }

    static final String CONDITION =
            "clickAdId = impressionAdId AND clickTime >= impressionTime AND clickTime <= impressionTime + interval 1 hour";

    static Dataset<Row> impressions(CaseContext ctx) throws Exception {
        return csv(ctx, "impressions", "impressionAdId INT, impressionTime TIMESTAMP",
                batch("1," + t("10:00:00"), "2," + t("10:05:00"), "3," + t("10:10:00")),
                batch("4," + t("12:00:00")),
                batch("5," + t("15:00:00")),
                batch("6," + t("20:00:00")));
    }

    static Dataset<Row> clicks(CaseContext ctx) throws Exception {
        return csv(ctx, "clicks", "clickAdId INT, clickTime TIMESTAMP",
                batch("1," + t("10:20:00")),
                batch("2," + t("10:50:00"), "3," + t("11:30:00")),
                batch("4," + t("12:30:00"), "9," + t("15:30:00")),
                batch("10," + t("18:00:00")));
    }

    static Dataset<Row> adJoin(CaseContext ctx, String joinType) throws Exception {
        Dataset<Row> impressionsWithWatermark = impressions(ctx).withWatermark("impressionTime", "2 hours");
        Dataset<Row> clicksWithWatermark = clicks(ctx).withWatermark("clickTime", "3 hours");
        return impressionsWithWatermark.join(clicksWithWatermark, expr(CONDITION), joinType);
    }

    /** An inner join without any watermark: a row waits in state for a match in any later batch. */
    @Case
    public static void innerWithoutWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> left = csv(ctx, "left", "id INT, l STRING",
                batch("1,a", "2,b"), batch("3,c"), batch("4,d", "1,a2"));
        Dataset<Row> right = csv(ctx, "right", "rid INT, r STRING",
                batch("2,x"), batch("1,y", "9,z"), batch("3,w", "1,v"));
        Dataset<Row> joined = left.join(right, left.col("id").equalTo(right.col("rid")));
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** A stream-stream inner join on a using column. */
    @Case
    public static void innerUsingColumn(CaseContext ctx) throws Exception {
        Dataset<Row> left = csv(ctx, "left", "id INT, l STRING", batch("1,a", "2,b"), batch("3,c"));
        Dataset<Row> right = csv(ctx, "right", "id INT, r STRING", batch(), batch("1,x", "3,y", "4,z"));
        Dataset<Row> joined = left.join(right, "id");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /** The guide's ad monetization example: inner, watermarks on both sides, an event-time range condition. */
    @Case
    public static void adImpressionsClicksInner(CaseContext ctx) throws Exception {
        Dataset<Row> impressionsWithWatermark = impressions(ctx).withWatermark("impressionTime", "2 hours");
        Dataset<Row> clicksWithWatermark = clicks(ctx).withWatermark("clickTime", "3 hours");
        Dataset<Row> joined = impressionsWithWatermark.join(clicksWithWatermark, expr(CONDITION));
        columns(ctx, joined);
        StreamingQuery q = run(ctx, joined, "append");
        watermarks(ctx, q);
    }

    /** Inner-join state is cleaned up as the watermark passes (state rows per batch). */
    @Case
    public static void adImpressionsClicksInnerStateCleanup(CaseContext ctx) throws Exception {
        StreamingQuery q = run(ctx, adJoin(ctx, "inner"), "append");
        stateRows(ctx, q);
    }

    /** Left outer: an impression without a click in time comes out null-padded once the watermark passes it. */
    @Case
    public static void adImpressionsClicksLeftOuter(CaseContext ctx) throws Exception {
        StreamingQuery q = run(ctx, adJoin(ctx, "leftOuter"), "append");
        watermarks(ctx, q);
    }

    /** Right outer: a click without an impression in range comes out null-padded once the watermark passes it. */
    @Case
    public static void adImpressionsClicksRightOuter(CaseContext ctx) throws Exception {
        StreamingQuery q = run(ctx, adJoin(ctx, "rightOuter"), "append");
        watermarks(ctx, q);
    }

    /** Full outer (supported since Spark 3.1 with watermarks and a range on both sides). */
    @Case
    public static void adImpressionsClicksFullOuter(CaseContext ctx) throws Exception {
        StreamingQuery q = run(ctx, adJoin(ctx, "full_outer"), "append");
        watermarks(ctx, q);
    }

    /** Left semi (Spark 3.1+): each impression with a click, once, with the impression's columns only. */
    @Case
    public static void adImpressionsClicksLeftSemi(CaseContext ctx) throws Exception {
        Dataset<Row> joined = adJoin(ctx, "left_semi");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }

    /**
     * The global watermark is the slower stream's: while clicks stay at 10:00 the impressions'
     * watermark racing ahead does not release any null-padded impression; a later click batch does.
     */
    @Case
    public static void leftOuterWaitsForSlowerWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> imp = csv(ctx, "impressions", "impressionAdId INT, impressionTime TIMESTAMP",
                batch("1," + t("10:00:00")), batch("2," + t("14:00:00")), batch("3," + t("18:00:00")), batch());
        Dataset<Row> clk = csv(ctx, "clicks", "clickAdId INT, clickTime TIMESTAMP",
                batch("7," + t("10:00:00")), batch(), batch(), batch("8," + t("16:00:00")));
        Dataset<Row> joined = imp.withWatermark("impressionTime", "2 hours")
                .join(clk.withWatermark("clickTime", "3 hours"), expr(CONDITION), "left_outer");
        StreamingQuery q = run(ctx, joined, "append");
        watermarks(ctx, q);
    }

    /**
     * The guide's other way to bound the state: join on equal event-time windows. A watermark in
     * the join keys lets a left outer join emit unmatched rows.
     */
    @Case
    public static void leftOuterOnTimeWindowKeys(CaseContext ctx) throws Exception {
        Dataset<Row> left = csv(ctx, "left", "id INT, lt TIMESTAMP",
                batch("1," + t("10:00:10"), "2," + t("10:00:20")), batch("3," + t("10:01:10")), batch("4," + t("10:05:00")));
        Dataset<Row> right = csv(ctx, "right", "rid INT, rt TIMESTAMP",
                batch("1," + t("10:00:30")), batch("3," + t("10:02:10")), batch("4," + t("10:05:30")));
        Dataset<Row> l = left.withWatermark("lt", "10 seconds")
                .select(col("id"), window(col("lt"), "1 minute").as("lw"));
        Dataset<Row> r = right.withWatermark("rt", "10 seconds")
                .select(col("rid"), window(col("rt"), "1 minute").as("rw"));
        Dataset<Row> joined = l.join(r, col("id").equalTo(col("rid")).and(col("lw").equalTo(col("rw"))), "left_outer")
                .select(col("id"), col("lw").getField("start").as("start"), col("rid"));
        StreamingQuery q = run(ctx, joined, "append");
        watermarks(ctx, q);
    }

    /** An event later than the watermark is dropped by the join and matches nothing. */
    @Case
    public static void innerDropsRowsBehindWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> imp = csv(ctx, "impressions", "impressionAdId INT, impressionTime TIMESTAMP",
                batch("1," + t("12:00:00")), batch(), batch("2," + t("08:00:00")), batch());
        Dataset<Row> clk = csv(ctx, "clicks", "clickAdId INT, clickTime TIMESTAMP",
                batch("1," + t("12:10:00")), batch("5," + t("14:00:00")), batch(), batch("2," + t("08:10:00")));
        Dataset<Row> joined = imp.withWatermark("impressionTime", "2 hours")
                .join(clk.withWatermark("clickTime", "3 hours"), expr(CONDITION));
        StreamingQuery q = run(ctx, joined, "append");
        watermarks(ctx, q);
    }

    /** Two stream-stream joins in one query (three streams). */
    @Case
    public static void chainedStreamStreamJoins(CaseContext ctx) throws Exception {
        Dataset<Row> a = csv(ctx, "a", "id INT, x STRING", batch("1,a1", "2,a2"), batch("3,a3"));
        Dataset<Row> b = csv(ctx, "b", "id INT, y STRING", batch("1,b1"), batch("2,b2", "3,b3"));
        Dataset<Row> c = csv(ctx, "c", "id INT, z STRING", batch("2,c2"), batch("1,c1"));
        Dataset<Row> joined = a.join(b, "id").join(c, "id");
        columns(ctx, joined);
        run(ctx, joined, "append");
    }
}
