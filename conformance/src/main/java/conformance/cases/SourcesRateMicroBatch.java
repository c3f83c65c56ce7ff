package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.MapPartitionsFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code rate-micro-batch} source: {@code rowsPerBatch} rows per batch, stamped
 * {@code startTimestamp + batch * advanceMillisPerBatch}, striped over {@code numPartitions};
 * batches bounded with {@code Trigger.Once()} or {@code Trigger.AvailableNow()} runs on one
 * checkpoint; and its bad options.
 */
public final class SourcesRateMicroBatch {
    private SourcesRateMicroBatch() {
    }

    private static Dataset<Row> rate(CaseContext ctx, long rowsPerBatch) {
        return ctx.spark().readStream()
                .format("rate-micro-batch")
                .option("rowsPerBatch", rowsPerBatch)
                .option("numPartitions", 2)
                .load();
    }

    /** Runs {@code df} {@code runs} times with {@code trigger} on one checkpoint, printing each run's batches. */
    private static void runs(CaseContext ctx, Dataset<Row> df, Trigger trigger, int runs) throws Exception {
        String chk = ctx.path("chk");
        for (int i = 1; i <= runs; i++) {
            ctx.println("run " + i + ":");
            StreamingQuery q = df.writeStream()
                    .option("checkpointLocation", chk)
                    .trigger(trigger)
                    .foreachBatch(ctx.<Row>batches())
                    .start();
            q.awaitTermination();
        }
    }

    /** Schema {@code timestamp, value}; the DataFrame is streaming. */
    @Case
    public static void rateMicroBatchSchema(CaseContext ctx) throws Exception {
        Dataset<Row> df = rate(ctx, 3);
        SourcesSupport.describe(ctx, df);
        ctx.println("columns: " + String.join(",", df.columns()));
    }

    /** {@code Trigger.Once()}: one batch per run; three runs on one checkpoint give batches 0, 1, 2. */
    @Case
    public static void rateMicroBatchTriggerOnceRuns(CaseContext ctx) throws Exception {
        runs(ctx, rate(ctx, 3), Trigger.Once(), 3);
    }

    /** {@code Trigger.AvailableNow()} on this unbounded source: what one run does, then a second run. */
    @Case
    public static void rateMicroBatchAvailableNowRuns(CaseContext ctx) throws Exception {
        runs(ctx, rate(ctx, 2), Trigger.AvailableNow(), 2);
    }

    /** {@code startTimestamp} and {@code advanceMillisPerBatch} set every row's timestamp per batch. */
    @Case
    public static void rateMicroBatchStartTimestampAndAdvance(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().readStream()
                .format("rate-micro-batch")
                .option("rowsPerBatch", 2)
                .option("numPartitions", 1)
                .option("startTimestamp", 1_704_067_200_000L)
                .option("advanceMillisPerBatch", 250)
                .load();
        runs(ctx, df, Trigger.Once(), 3);
    }

    /** Defaults: {@code startTimestamp=0}, {@code advanceMillisPerBatch=1000}. */
    @Case
    public static void rateMicroBatchDefaultTimestamps(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().readStream()
                .format("rate-micro-batch")
                .option("rowsPerBatch", "1")
                .load();
        runs(ctx, df, Trigger.Once(), 2);
    }

    /** {@code advanceMillisPerBatch=0}: every batch has the same timestamp. */
    @Case
    public static void rateMicroBatchZeroAdvance(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().readStream()
                .format("rate-micro-batch")
                .option("rowsPerBatch", 1)
                .option("startTimestamp", 5000)
                .option("advanceMillisPerBatch", 0)
                .load();
        runs(ctx, df, Trigger.Once(), 2);
    }

    /** {@code numPartitions=3}, 7 rows per batch: the values each partition holds. */
    @Case
    public static void rateMicroBatchPartitionStriping(CaseContext ctx) throws Exception {
        Dataset<Row> df = ctx.spark().readStream()
                .format("rate-micro-batch")
                .option("rowsPerBatch", 7)
                .option("numPartitions", 3)
                .load();
        Dataset<String> perPartition = df.mapPartitions((MapPartitionsFunction<Row, String>) it -> {
            List<Long> values = new ArrayList<>();
            while (it.hasNext()) {
                values.add(it.next().getLong(1));
            }
            Collections.sort(values);
            return List.of("partition values " + values).iterator();
        }, Encoders.STRING());
        String chk = ctx.path("chk");
        for (int i = 1; i <= 2; i++) {
            StreamingQuery q = perPartition.writeStream()
                    .option("checkpointLocation", chk)
                    .trigger(Trigger.Once())
                    .foreachBatch(ctx.<String>batches())
                    .start();
            q.awaitTermination();
        }
    }

    /** {@code rowsPerBatch=0} is refused. */
    @Case
    public static void rateMicroBatchRowsPerBatchZero(CaseContext ctx) throws Exception {
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .format("rate-micro-batch")
                .option("rowsPerBatch", 0)
                .load());
    }

    /** Without {@code rowsPerBatch}. */
    @Case
    public static void rateMicroBatchRowsPerBatchMissing(CaseContext ctx) throws Exception {
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .format("rate-micro-batch")
                .load());
    }

    /** {@code rowsPerBatch} that is not a number. */
    @Case
    public static void rateMicroBatchRowsPerBatchNotANumber(CaseContext ctx) throws Exception {
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .format("rate-micro-batch")
                .option("rowsPerBatch", "ten")
                .load());
    }

    /** A negative {@code startTimestamp}. */
    @Case
    public static void rateMicroBatchNegativeStartTimestamp(CaseContext ctx) throws Exception {
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .format("rate-micro-batch")
                .option("rowsPerBatch", 1)
                .option("startTimestamp", -1)
                .load());
    }

    /** A negative {@code advanceMillisPerBatch}. */
    @Case
    public static void rateMicroBatchNegativeAdvance(CaseContext ctx) throws Exception {
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .format("rate-micro-batch")
                .option("rowsPerBatch", 1)
                .option("advanceMillisPerBatch", -5)
                .load());
    }

    /** {@code numPartitions=0}. */
    @Case
    public static void rateMicroBatchNumPartitionsZero(CaseContext ctx) throws Exception {
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .format("rate-micro-batch")
                .option("rowsPerBatch", 1)
                .option("numPartitions", 0)
                .load());
    }

    /** A user schema is refused. */
    @Case
    public static void rateMicroBatchUserSchemaRefused(CaseContext ctx) throws Exception {
        SourcesSupport.loadAndRun(ctx, () -> ctx.spark().readStream()
                .format("rate-micro-batch")
                .schema("timestamp TIMESTAMP, value LONG")
                .option("rowsPerBatch", 1)
                .load());
    }

    /** The source is micro-batch only: a continuous trigger is refused. */
    @Case
    public static void rateMicroBatchContinuousTriggerRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = rate(ctx, 1);
        try {
            StreamingQuery q = df.writeStream()
                    .format("console")
                    .trigger(Trigger.Continuous(1000))
                    .start();
            ctx.println("start() ok");
            q.awaitTermination(5000);
            q.stop();
        } catch (Exception e) {
            SourcesSupport.chain(ctx, e);
        }
    }
}
