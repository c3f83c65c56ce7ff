package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.JoinsInput.batch;
import static conformance.cases.JoinsInput.csv;
import static conformance.cases.JoinsInput.events;
import static conformance.cases.JoinsInput.names;
import static conformance.cases.JoinsInput.refused;
import static conformance.cases.JoinsInput.t;
import static io.tideway.sql.functions.expr;

/**
 * The joins the guide's support matrix refuses, each with the message {@code start()} fails
 * with: stream-static outer joins on the wrong side, semi/anti joins with the stream on the
 * right, stream-stream outer joins without the watermark and range that would let them emit,
 * stream-stream joins in other output modes, and an unknown join type.
 */
public final class JoinsRefused {
    private JoinsRefused() {
    }

    private static Dataset<Row> left(CaseContext ctx) throws Exception {
        return csv(ctx, "left", "lid INT, lt TIMESTAMP", batch("1," + t("10:00:00")));
    }

    private static Dataset<Row> right(CaseContext ctx) throws Exception {
        return csv(ctx, "right", "rid INT, rt TIMESTAMP", batch("1," + t("10:00:30")));
    }

    private static final String RANGE = "lid = rid AND rt >= lt AND rt <= lt + interval 1 minute";

    @Case
    public static void streamStaticRightOuter(CaseContext ctx) throws Exception {
        refused(ctx, events(ctx).join(names(ctx), new String[] {"id"}, "right_outer"), "append");
    }

    @Case
    public static void streamStaticFullOuter(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        refused(ctx, stream.join(names, stream.col("id").equalTo(names.col("id")), "full_outer"), "append");
    }

    @Case
    public static void staticStreamLeftOuter(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        refused(ctx, names.join(stream, names.col("id").equalTo(stream.col("id")), "left_outer"), "append");
    }

    @Case
    public static void staticStreamFullOuter(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        refused(ctx, names.join(stream, names.col("id").equalTo(stream.col("id")), "outer"), "append");
    }

    @Case
    public static void staticStreamLeftSemi(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        refused(ctx, names.join(stream, names.col("id").equalTo(stream.col("id")), "left_semi"), "append");
    }

    @Case
    public static void staticStreamLeftAnti(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        refused(ctx, names.join(stream, names.col("id").equalTo(stream.col("id")), "left_anti"), "append");
    }

    /** The guide: outer joins between two streams need a watermark and an event-time constraint. */
    @Case
    public static void streamStreamLeftOuterWithoutWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> l = left(ctx);
        Dataset<Row> r = right(ctx);
        refused(ctx, l.join(r, l.col("lid").equalTo(r.col("rid")), "left_outer"), "append");
    }

    @Case
    public static void streamStreamRightOuterWithoutWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> l = left(ctx);
        Dataset<Row> r = right(ctx);
        refused(ctx, l.join(r, l.col("lid").equalTo(r.col("rid")), "right_outer"), "append");
    }

    @Case
    public static void streamStreamFullOuterWithoutWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> l = left(ctx);
        Dataset<Row> r = right(ctx);
        refused(ctx, l.join(r, l.col("lid").equalTo(r.col("rid")), "full_outer"), "append");
    }

    @Case
    public static void streamStreamLeftSemiWithoutWatermark(CaseContext ctx) throws Exception {
        Dataset<Row> l = left(ctx);
        Dataset<Row> r = right(ctx);
        refused(ctx, l.join(r, l.col("lid").equalTo(r.col("rid")), "left_semi"), "append");
    }

    /** Watermarks on both sides but no time range between them: still no way to emit. */
    @Case
    public static void streamStreamLeftOuterWatermarksWithoutRange(CaseContext ctx) throws Exception {
        Dataset<Row> l = left(ctx).withWatermark("lt", "1 minute");
        Dataset<Row> r = right(ctx).withWatermark("rt", "1 minute");
        refused(ctx, l.join(r, l.col("lid").equalTo(r.col("rid")), "left_outer"), "append");
    }

    /** Left outer needs the watermark on the right (the nullable side); one on the left only is not enough. */
    @Case
    public static void streamStreamLeftOuterWatermarkOnLeftOnly(CaseContext ctx) throws Exception {
        Dataset<Row> l = left(ctx).withWatermark("lt", "1 minute");
        Dataset<Row> r = right(ctx);
        refused(ctx, l.join(r, expr(RANGE), "left_outer"), "append");
    }

    /** Left outer with the watermark on the right only and a range condition is accepted. */
    @Case
    public static void streamStreamLeftOuterWatermarkOnRightOnlyAccepted(CaseContext ctx) throws Exception {
        Dataset<Row> l = left(ctx);
        Dataset<Row> r = right(ctx).withWatermark("rt", "1 minute");
        refused(ctx, l.join(r, expr(RANGE), "left_outer"), "append");
    }

    @Case
    public static void streamStreamLeftAnti(CaseContext ctx) throws Exception {
        Dataset<Row> l = left(ctx).withWatermark("lt", "1 minute");
        Dataset<Row> r = right(ctx).withWatermark("rt", "1 minute");
        refused(ctx, l.join(r, expr(RANGE), "left_anti"), "append");
    }

    /** The guide: joins between two streams run only in append output mode. */
    @Case
    public static void streamStreamUpdateMode(CaseContext ctx) throws Exception {
        Dataset<Row> l = left(ctx);
        Dataset<Row> r = right(ctx);
        refused(ctx, l.join(r, l.col("lid").equalTo(r.col("rid"))), "update");
    }

    @Case
    public static void streamStreamCompleteMode(CaseContext ctx) throws Exception {
        Dataset<Row> l = left(ctx);
        Dataset<Row> r = right(ctx);
        refused(ctx, l.join(r, l.col("lid").equalTo(r.col("rid"))), "complete");
    }

    @Case
    public static void unknownJoinType(CaseContext ctx) throws Exception {
        Dataset<Row> stream = events(ctx);
        Dataset<Row> names = names(ctx);
        stream.join(names, stream.col("id").equalTo(names.col("id")), "sideways");
    }

    /** The guide writes {@code "right_join"}, which is not a join type Spark knows. */
    @Case
    public static void guideRightJoinSpelling(CaseContext ctx) throws Exception {
        events(ctx).join(names(ctx), new String[] {"id"}, "right_join");
    }
}
