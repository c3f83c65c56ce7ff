package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;

/** The memory sink (guide: output sinks): a table named by queryName, append and complete modes. */
public final class SinksMemory {
    private SinksMemory() {
    }

    private static Dataset<Row> text(CaseContext ctx, Path in) {
        return ctx.spark().readStream().option("maxFilesPerTrigger", 1).text(in.toString());
    }

    @Case
    public static void memoryAppendAccumulatesRows(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b");
        StreamingQuery q = text(ctx, in).writeStream()
                .format("memory")
                .queryName("t")
                .start();
        q.processAllAvailable();
        ctx.println("after batch 0:");
        ctx.show(ctx.spark().sql("select * from t"));
        ctx.file(in, "2.txt", "c");
        q.processAllAvailable();
        ctx.println("after batch 1:");
        ctx.show(ctx.spark().sql("select * from t"));
        q.stop();
        ctx.println("after stop:");
        ctx.show(ctx.spark().table("t"));
    }

    @Case
    public static void memoryCompleteReplacesTable(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b", "a");
        StreamingQuery q = text(ctx, in).groupBy("value").count().writeStream()
                .format("memory")
                .outputMode("complete")
                .queryName("counts")
                .start();
        q.processAllAvailable();
        ctx.println("after batch 0:");
        ctx.show(ctx.spark().table("counts"));
        ctx.file(in, "2.txt", "b", "c");
        q.processAllAvailable();
        ctx.println("after batch 1:");
        ctx.show(ctx.spark().table("counts"));
        q.stop();
    }

    @Case
    public static void memoryTableQueriedWithSql(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "x", "y", "z");
        ctx.file(in, "2.txt", "y");
        StreamingQuery q = text(ctx, in).writeStream()
                .format("memory")
                .queryName("words")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.show(ctx.spark().sql("select value, count(*) as n from words group by value"));
        ctx.println("schema: " + ctx.spark().table("words").schema().simpleString());
    }

    @Case
    public static void memoryUpdateMode(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a", "b", "a");
        ctx.file(in, "2.txt", "b");
        StreamingQuery q = text(ctx, in).groupBy("value").count().writeStream()
                .format("memory")
                .outputMode("update")
                .queryName("updates")
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.show(ctx.spark().table("updates"));
    }

    @Case
    public static void memoryWithoutQueryNameRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        text(ctx, in).writeStream()
                .format("memory")
                .start();
    }

    @Case
    public static void memoryPartitionByRefused(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.txt", "a");
        text(ctx, in).writeStream()
                .format("memory")
                .queryName("p")
                .partitionBy("value")
                .start();
    }

    @Case
    public static void memoryAppendRefusesCheckpointRecovery(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.txt", "a");
        StreamingQuery q = text(ctx, in).writeStream()
                .format("memory")
                .queryName("t1")
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.show(ctx.spark().table("t1"));
        ctx.file(in, "2.txt", "b");
        try {
            StreamingQuery again = text(ctx, in).writeStream()
                    .format("memory")
                    .queryName("t1")
                    .option("checkpointLocation", cp)
                    .trigger(Trigger.AvailableNow())
                    .start();
            again.awaitTermination();
            ctx.println("restarted");
        } catch (Exception e) {
            ctx.error(e);
        }
    }

    @Case
    public static void memoryCompleteRecoversFromCheckpoint(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        String cp = ctx.path("cp");
        ctx.file(in, "1.txt", "a", "b");
        ctx.file(in, "2.txt", "a");
        StreamingQuery q = text(ctx, in).groupBy("value").count().writeStream()
                .format("memory")
                .outputMode("complete")
                .queryName("c1")
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        q.awaitTermination();
        ctx.println("first run:");
        ctx.show(ctx.spark().table("c1"));
        ctx.file(in, "3.txt", "c");
        StreamingQuery again = text(ctx, in).groupBy("value").count().writeStream()
                .format("memory")
                .outputMode("complete")
                .queryName("c1")
                .option("checkpointLocation", cp)
                .trigger(Trigger.AvailableNow())
                .start();
        again.awaitTermination();
        ctx.println("second run:");
        ctx.show(ctx.spark().table("c1"));
        ctx.println("last batch id: " + again.lastProgress().batchId());
    }
}
