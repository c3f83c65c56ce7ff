package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.VoidFunction2;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Triggers (guide: triggers): default, Once, AvailableNow, ProcessingTime, Continuous. */
public final class QueriesTriggers {
    private QueriesTriggers() {
    }

    private static Path files(CaseContext ctx, int n) throws Exception {
        Path in = ctx.dir("in");
        for (int i = 1; i <= n; i++) {
            ctx.file(in, i + ".txt", "line " + i + "a", "line " + i + "b");
        }
        return in;
    }

    /** A foreachBatch function that records each batch as {@code id:rows} in {@code seen}. */
    private static VoidFunction2<Dataset<Row>, Long> sizes(List<String> seen) {
        return (df, id) -> {
            long n = df.count();
            synchronized (seen) {
                seen.add(id + ":" + n);
            }
        };
    }

    @Case
    public static void defaultTriggerOneBatchPerProcessAllAvailable(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b");
        StreamingQuery q = ctx.spark().readStream().text(in.toString()).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .start();
        q.processAllAvailable();
        ctx.file(in, "2.txt", "c");
        q.processAllAvailable();
        ctx.file(in, "3.txt", "d");
        ctx.file(in, "4.txt", "e");
        q.processAllAvailable();
        ctx.println("isActive: " + q.isActive());
        q.stop();
        ctx.println("isActive after stop: " + q.isActive());
    }

    @Case
    public static void onceRunsOneBatchIgnoringMaxFiles(CaseContext ctx) throws Exception {
        Path in = files(ctx, 3);
        StreamingQuery q = ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString()).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.Once())
                .start();
        q.awaitTermination();
        ctx.println("isActive: " + q.isActive());
    }

    @Case
    public static void availableNowHonoursMaxFilesPerTrigger(CaseContext ctx) throws Exception {
        Path in = files(ctx, 5);
        List<String> seen = new ArrayList<>();
        StreamingQuery q = ctx.spark().readStream().option("maxFilesPerTrigger", 2).text(in.toString()).writeStream()
                .foreachBatch(sizes(seen))
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.println("batches (id:rows): " + seen);
        ctx.println("isActive: " + q.isActive());
    }

    @Case
    public static void availableNowIgnoresFilesAddedWhileRunning(CaseContext ctx) throws Exception {
        Path in = files(ctx, 2);
        String cp = ctx.path("cp");
        List<String> seen = new ArrayList<>();
        VoidFunction2<Dataset<Row>, Long> addLateFile = (df, id) -> {
            long n = df.count();
            if (id == 0) {
                ctx.file(in, "late.txt", "late line");
            }
            synchronized (seen) {
                seen.add(id + ":" + n);
            }
        };
        StreamingQuery q = ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString()).writeStream()
                .foreachBatch(addLateFile)
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.println("first run batches (id:rows): " + seen);
        seen.clear();
        StreamingQuery again = ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString()).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        again.awaitTermination();
    }

    @Case
    public static void availableNowOnEmptyDirectory(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        List<String> seen = new ArrayList<>();
        StreamingQuery q = ctx.spark().readStream().text(in.toString()).writeStream()
                .foreachBatch(sizes(seen))
                .trigger(Trigger.AvailableNow())
                .start();
        boolean ended = q.awaitTermination(30_000);
        ctx.println("terminated: " + ended);
        ctx.println("batches: " + seen);
        ctx.println("lastProgress is null: " + (q.lastProgress() == null));
        if (q.lastProgress() != null) {
            ctx.println("lastProgress batchId=" + q.lastProgress().batchId() + " numInputRows=" + q.lastProgress().numInputRows()
                    + " sources=" + q.lastProgress().sources().length + " recentProgress=" + q.recentProgress().length);
        }
    }

    @Case
    public static void processingTimeQueryIsActiveUntilStopped(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        StreamingQuery q = ctx.spark().readStream().text(in.toString()).writeStream()
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.ProcessingTime("1 second"))
                .start();
        ctx.println("isActive: " + q.isActive());
        q.stop();
        ctx.println("isActive after stop: " + q.isActive());
        ctx.println("awaitTermination(100) after stop: " + q.awaitTermination(100));
        try {
            ctx.println("awaitTermination(0) after stop: " + q.awaitTermination(0));
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void processingTimeBadIntervals(CaseContext ctx) throws Exception {
        try {
            Trigger.ProcessingTime(-1);
            ctx.println("negative: accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            Trigger.ProcessingTime("1 fortnight");
            ctx.println("unknown unit: accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            Trigger.ProcessingTime("");
            ctx.println("empty: accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
        try {
            Trigger.ProcessingTime("interval 2 seconds");
            ctx.println("'interval 2 seconds': accepted");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void continuousRefusesAggregation(CaseContext ctx) throws Exception {
        Dataset<Row> rate = ctx.spark().readStream().format("rate").load();
        rate.groupBy("value").count().writeStream()
                .outputMode("complete")
                .format("console")
                .trigger(Trigger.Continuous("1 second"))
                .start();
    }

    @Case
    public static void continuousRefusesFileSource(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.spark().readStream().text(in.toString()).writeStream()
                .format("console")
                .trigger(Trigger.Continuous("1 second"))
                .start();
    }

    @Case
    public static void continuousRefusesForeachBatch(CaseContext ctx) throws Exception {
        Dataset<Row> rate = ctx.spark().readStream().format("rate").load();
        rate.writeStream()
                .foreachBatch(ctx.<Row>batches())
                .trigger(Trigger.Continuous("1 second"))
                .start();
    }

    @Case
    public static void triggerNullRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.spark().readStream().text(in.toString()).writeStream()
                .format("console")
                .trigger(null);
        ctx.println("trigger(null) accepted");
    }

    /** Every ProcessingTime and Continuous overload, Scala's Duration included, means the same interval. */
    @Case
    public static void triggerOverloads(CaseContext ctx) {
        ctx.println(Trigger.ProcessingTime(2000));
        ctx.println(Trigger.ProcessingTime(2, java.util.concurrent.TimeUnit.SECONDS));
        ctx.println(Trigger.ProcessingTime("2 seconds"));
        ctx.println(Trigger.ProcessingTime(scala.concurrent.duration.Duration.apply(2, java.util.concurrent.TimeUnit.SECONDS)));
        ctx.println(Trigger.Continuous(scala.concurrent.duration.Duration.apply(500, java.util.concurrent.TimeUnit.MILLISECONDS)));
        ctx.println(Trigger.Continuous("1 minute"));
    }
}
