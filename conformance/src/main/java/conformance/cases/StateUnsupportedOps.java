package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.JoinsInput.batch;
import static conformance.cases.JoinsInput.csv;
import static conformance.cases.JoinsInput.names;
import static conformance.cases.JoinsInput.refused;
import static conformance.cases.JoinsInput.run;

/**
 * The guide's "unsupported operations" on streaming Datasets and what Spark 4.0.4 actually does
 * with each: batch actions ({@code count()}, {@code show()}, {@code collectAsList()}) fail at
 * once, chained aggregations and sorting without aggregation fail at {@code start()}, and some
 * the guide lists (LIMIT in append mode, DISTINCT) are accepted by Spark 4. Operations the
 * Dataset API of Tideway lacks ({@code orderBy}, {@code limit}, {@code distinct},
 * {@code foreach}) are written in SQL over a temporary view where SQL has them.
 */
public final class StateUnsupportedOps {
    private StateUnsupportedOps() {
    }

    static Dataset<Row> values(CaseContext ctx) throws Exception {
        return csv(ctx, "in", "id INT, v STRING", batch("3,a", "1,b", "2,a"), batch("5,c", "4,b"), batch("6,a"));
    }

    @Case
    public static void countOnStreamingDataset(CaseContext ctx) throws Exception {
        values(ctx).count();
    }

    @Case
    public static void showOnStreamingDataset(CaseContext ctx) throws Exception {
        values(ctx).show();
    }

    @Case
    public static void collectOnStreamingDataset(CaseContext ctx) throws Exception {
        values(ctx).collectAsList();
    }

    /** The guide's alternative to count(): a streaming {@code groupBy().count()}. */
    @Case
    public static void runningCountInsteadOfCount(CaseContext ctx) throws Exception {
        run(ctx, values(ctx).groupBy().count(), "complete");
    }

    /** writeStream on a static Dataset. */
    @Case
    public static void writeStreamOnStaticDataset(CaseContext ctx) throws Exception {
        names(ctx).writeStream();
    }

    /** A streaming aggregation over a streaming aggregation, in update mode. */
    @Case
    public static void chainedAggregationsUpdate(CaseContext ctx) throws Exception {
        Dataset<Row> perV = values(ctx).groupBy("v").count();
        refused(ctx, perV.groupBy("count").count(), "update");
    }

    @Case
    public static void chainedAggregationsComplete(CaseContext ctx) throws Exception {
        Dataset<Row> perV = values(ctx).groupBy("v").count();
        refused(ctx, perV.groupBy("count").count(), "complete");
    }

    /** Sorting without an aggregation (SQL ORDER BY over a streaming view). */
    @Case
    public static void sortWithoutAggregation(CaseContext ctx) throws Exception {
        values(ctx).createOrReplaceTempView("vals");
        try {
            refused(ctx, ctx.spark().sql("SELECT id, v FROM vals ORDER BY id"), "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** Sorting after an aggregation in complete mode is allowed. */
    @Case
    public static void sortAfterAggregationComplete(CaseContext ctx) throws Exception {
        values(ctx).createOrReplaceTempView("vals");
        Dataset<Row> sorted = ctx.spark().sql("SELECT v, count(*) AS n FROM vals GROUP BY v ORDER BY n DESC, v");
        run(ctx, sorted, "complete");
    }

    /** LIMIT in append mode (Spark keeps a global limit in state: the first rows across batches). */
    @Case
    public static void limitAppend(CaseContext ctx) throws Exception {
        values(ctx).createOrReplaceTempView("vals");
        try {
            run(ctx, ctx.spark().sql("SELECT id, v FROM vals LIMIT 4"), "append");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void limitUpdateRefused(CaseContext ctx) throws Exception {
        values(ctx).createOrReplaceTempView("vals");
        try {
            refused(ctx, ctx.spark().sql("SELECT id, v FROM vals LIMIT 4"), "update");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** SELECT DISTINCT over a stream, in update mode. */
    @Case
    public static void selectDistinctUpdate(CaseContext ctx) throws Exception {
        values(ctx).createOrReplaceTempView("vals");
        try {
            run(ctx, ctx.spark().sql("SELECT DISTINCT v FROM vals"), "update");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    /** dropDuplicates, the streaming way to keep distinct rows. */
    @Case
    public static void dropDuplicatesInsteadOfDistinct(CaseContext ctx) throws Exception {
        run(ctx, values(ctx).select("v").dropDuplicates(), "append");
    }
}
