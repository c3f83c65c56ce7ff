package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;
import java.util.function.Function;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.sum;
import static io.tideway.sql.functions.window;

/**
 * Recovery from checkpoints (guide: recovering from failures with checkpointing; recovery
 * semantics after changes in a streaming query): stop, add input, start again on the same
 * checkpoint; and changes between restarts that Spark accepts or refuses.
 */
public final class QueriesRestart {
    private QueriesRestart() {
    }

    private static Dataset<Row> events(CaseContext ctx, Path in) {
        return ctx.spark().readStream().schema("k STRING, n INT").option("maxFilesPerTrigger", 1).json(in.toString());
    }

    /** Runs {@code query} over the input to the end (AvailableNow) on checkpoint {@code cp}, printing batches. */
    private static void run(CaseContext ctx, Dataset<Row> query, String mode, String cp, String label) throws Exception {
        ctx.println("-- " + label + " --");
        StreamingQuery q = query.writeStream()
                .outputMode(mode)
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        try {
            q.awaitTermination();
        } catch (Exception e) {
            SinksForeach.maskedChain(ctx, e);
        }
    }

    /** Two runs on one checkpoint: {@code first}'s query, then one more input file, then {@code second}'s. */
    private static void twoRuns(CaseContext ctx, Function<Dataset<Row>, Dataset<Row>> first, String firstMode,
                                Function<Dataset<Row>, Dataset<Row>> second, String secondMode) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", "{\"k\":\"a\",\"n\":1}", "{\"k\":\"b\",\"n\":2}");
        ctx.file(in, "2.json", "{\"k\":\"a\",\"n\":3}");
        run(ctx, first.apply(events(ctx, in)), firstMode, cp, "first run");
        ctx.file(in, "3.json", "{\"k\":\"a\",\"n\":4}", "{\"k\":\"c\",\"n\":5}");
        run(ctx, second.apply(events(ctx, in)), secondMode, cp, "second run");
    }

    @Case
    public static void aggregationStateRestoredCompleteMode(CaseContext ctx) throws Exception {
        twoRuns(ctx, d -> d.groupBy("k").count(), "complete", d -> d.groupBy("k").count(), "complete");
    }

    @Case
    public static void aggregationStateRestoredUpdateMode(CaseContext ctx) throws Exception {
        twoRuns(ctx, d -> d.groupBy("k").agg(sum("n")), "update", d -> d.groupBy("k").agg(sum("n")), "update");
    }

    @Case
    public static void restartWithoutNewDataRunsNoBatch(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", "{\"k\":\"a\",\"n\":1}");
        run(ctx, events(ctx, in).groupBy("k").count(), "complete", cp, "first run");
        ctx.println("-- second run --");
        StreamingQuery q = events(ctx, in).groupBy("k").count().writeStream()
                .outputMode("complete")
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.println("lastProgress: " + (q.lastProgress() == null ? "null" : "batch " + q.lastProgress().batchId()));
    }

    @Case
    public static void stoppedDefaultTriggerQueryResumes(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", "{\"k\":\"a\",\"n\":1}");
        StreamingQuery q = events(ctx, in).groupBy("k").count().writeStream()
                .outputMode("update")
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .start();
        q.processAllAvailable();
        ctx.file(in, "2.json", "{\"k\":\"a\",\"n\":2}", "{\"k\":\"b\",\"n\":3}");
        q.processAllAvailable();
        q.stop();
        ctx.println("-- stopped; one more file, then restart --");
        ctx.file(in, "3.json", "{\"k\":\"b\",\"n\":4}");
        StreamingQuery again = events(ctx, in).groupBy("k").count().writeStream()
                .outputMode("update")
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .start();
        again.processAllAvailable();
        again.stop();
    }

    @Case
    public static void dropDuplicatesStateRestored(CaseContext ctx) throws Exception {
        twoRuns(ctx, d -> d.dropDuplicates("k"), "append", d -> d.dropDuplicates("k"), "append");
    }

    @Case
    public static void watermarkRestoredDropsLateRowAfterRestart(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.json", "{\"ts\":\"2024-01-01T00:00:01Z\",\"k\":\"a\"}");
        ctx.file(in, "2.json", "{\"ts\":\"2024-01-01T00:00:31Z\",\"k\":\"b\"}");
        Function<Dataset<Row>, Dataset<Row>> windowed = d -> d.withWatermark("ts", "5 seconds")
                .groupBy(window(col("ts"), "10 seconds"), col("k")).count();
        Function<Path, Dataset<Row>> source = p -> ctx.spark().readStream().schema("ts TIMESTAMP, k STRING")
                .option("maxFilesPerTrigger", 1).json(p.toString());
        run(ctx, windowed.apply(source.apply(in)), "append", cp, "first run");
        ctx.file(in, "3.json", "{\"ts\":\"2024-01-01T00:00:02Z\",\"k\":\"late\"}", "{\"ts\":\"2024-01-01T00:00:45Z\",\"k\":\"c\"}");
        run(ctx, windowed.apply(source.apply(in)), "append", cp, "second run");
    }

    @Case
    public static void addedFilterAccepted(CaseContext ctx) throws Exception {
        twoRuns(ctx, d -> d.select("k", "n"), "append", d -> d.where(col("n").gt(4)).select("k", "n"), "append");
    }

    @Case
    public static void changedGroupingKeyRefused(CaseContext ctx) throws Exception {
        twoRuns(ctx, d -> d.groupBy("k").count(), "update", d -> d.groupBy("n").count(), "update");
    }

    @Case
    public static void changedAggregateFunctionRefused(CaseContext ctx) throws Exception {
        twoRuns(ctx, d -> d.groupBy("k").count(), "update", d -> d.groupBy("k").agg(sum("n")), "update");
    }

    @Case
    public static void statelessCheckpointReusedByAggregation(CaseContext ctx) throws Exception {
        twoRuns(ctx, d -> d.select("k", "n"), "append", d -> d.groupBy("k").count(), "update");
    }

    @Case
    public static void aggregationCheckpointReusedByStatelessQuery(CaseContext ctx) throws Exception {
        twoRuns(ctx, d -> d.groupBy("k").count(), "update", d -> d.select("k", "n"), "append");
    }

    @Case
    public static void addedSourceRefused(CaseContext ctx) throws Exception {
        Path other = ctx.dir("other");
        ctx.file(other, "x.json", "{\"k\":\"x\",\"n\":9}");
        twoRuns(ctx, d -> d, "append", d -> d.union(events(ctx, other)), "append");
    }
}
