package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Row;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;

import java.nio.file.Path;

/**
 * A streaming file source reading the output of a streaming file sink: with
 * {@code <dir>/_spark_metadata} present it reads only the files the sink's log committed
 * (Spark's {@code FileStreamSource} with {@code sourceHasMetadata}), so the stray part file of a
 * batch that failed or was aborted before its commit is never read, across restarts of both
 * queries (issue 15).
 */
public final class SourcesFileSinkLog {
    private SourcesFileSinkLog() {
    }

    /** The sink query: every file of {@code in} into {@code out} as {@code format}, from checkpoint {@code cp}. */
    private static void sink(CaseContext ctx, Path in, Path out, String format) throws Exception {
        StreamingQuery w = ctx.spark().readStream().schema("id INT, name STRING").json(in.toString())
                .writeStream().format(format).option("checkpointLocation", ctx.path("cp-sink"))
                .trigger(Trigger.AvailableNow()).start(out.toString());
        w.awaitTermination();
    }

    /** The reading query: what is new in {@code out} since its last run, from checkpoint {@code cp-read}. */
    private static void read(CaseContext ctx, Path out, String format) throws Exception {
        StreamingQuery r = ctx.spark().readStream().schema("id INT, name STRING").format(format).load(out.toString())
                .writeStream().option("checkpointLocation", ctx.path("cp-read")).trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches()).start();
        r.awaitTermination();
    }

    private static void readsOnlyCommittedFiles(CaseContext ctx, String format, String extension) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1,\"name\":\"a\"}", "{\"id\":2,\"name\":null}");
        sink(ctx, in, out, format);
        // what a task of an aborted batch leaves behind: a part file the log never names
        ctx.file(out, "part-00007-00000000-0000-0000-0000-000000000001-c000" + extension, "{\"id\":99,\"name\":\"stray\"}");
        ctx.println("first run:");
        read(ctx, out, format);
        ctx.file(in, "2.json", "{\"id\":3,\"name\":\"c\"}");
        sink(ctx, in, out, format);
        ctx.file(out, "part-00008-00000000-0000-0000-0000-000000000002-c000" + extension, "{\"id\":98,\"name\":\"stray\"}");
        ctx.println("after a restart of both queries:");
        read(ctx, out, format);
    }

    @Case
    public static void jsonSinkOutputReadsCommittedFilesOnly(CaseContext ctx) throws Exception {
        readsOnlyCommittedFiles(ctx, "json", ".json");
    }

    /** The stray file is not Parquet: reading it would fail the query. */
    @Case
    public static void parquetSinkOutputReadsCommittedFilesOnly(CaseContext ctx) throws Exception {
        readsOnlyCommittedFiles(ctx, "parquet", ".snappy.parquet");
    }

    @Case
    public static void csvSinkOutputReadsCommittedFilesOnly(CaseContext ctx) throws Exception {
        readsOnlyCommittedFiles(ctx, "csv", ".csv");
    }

    /** Without the log the directory is listed: every visible file is read, the stray one too. */
    @Case
    public static void withoutTheLogEveryFileIsRead(CaseContext ctx) throws Exception {
        Path out = ctx.dir("out");
        ctx.file(out, "part-00000-00000000-0000-0000-0000-000000000000-c000.json", "{\"id\":1,\"name\":\"a\"}");
        ctx.file(out, "part-00007-00000000-0000-0000-0000-000000000001-c000.json", "{\"id\":99,\"name\":\"stray\"}");
        read(ctx, out, "json");
    }

    /** The log appears after the source started on an empty directory: from then on only committed files count. */
    @Case
    public static void logWrittenAfterTheReaderStarted(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.println("empty:");
        read(ctx, out, "json");
        ctx.file(in, "1.json", "{\"id\":1,\"name\":\"a\"}");
        sink(ctx, in, out, "json");
        ctx.file(out, "part-00007-00000000-0000-0000-0000-000000000001-c000.json", "{\"id\":99,\"name\":\"stray\"}");
        ctx.println("after the sink wrote:");
        read(ctx, out, "json");
    }

    /** {@code cleanSource} may not move or delete a sink's committed files: the query fails. */
    @Case
    public static void cleanSourceOnASinksOutputFails(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1,\"name\":\"a\"}");
        sink(ctx, in, out, "json");
        StreamingQuery r = ctx.spark().readStream().schema("id INT, name STRING").option("cleanSource", "delete")
                .json(out.toString()).writeStream().trigger(Trigger.AvailableNow()).foreachBatch(ctx.<Row>batches()).start();
        try {
            r.awaitTermination();
            ctx.println("no error");
        } catch (Exception e) {
            ctx.errorChain(e);
        }
    }

    /** A sink's output in {@code partitionBy} directories: the log names files in them, and their directories give the column. */
    @Case
    public static void partitionedSinkOutput(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1,\"name\":\"a\"}", "{\"id\":2,\"name\":\"b\"}");
        StreamingQuery w = ctx.spark().readStream().schema("id INT, name STRING").json(in.toString())
                .writeStream().format("parquet").partitionBy("name").option("checkpointLocation", ctx.path("cp-sink"))
                .trigger(Trigger.AvailableNow()).start(out.toString());
        w.awaitTermination();
        ctx.file(out.resolve("name=a"), "part-00007-00000000-0000-0000-0000-000000000001-c000.snappy.parquet", "not parquet");
        StreamingQuery r = ctx.spark().readStream().schema("id INT, name STRING").parquet(out.toString())
                .writeStream().trigger(Trigger.AvailableNow()).foreachBatch(ctx.<Row>batches()).start();
        r.awaitTermination();
    }

    /** With {@code maxFilesPerTrigger} the committed files are admitted one per batch, oldest commit first. */
    @Case
    public static void committedFilesOnePerBatch(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path out = ctx.dir("out");
        ctx.file(in, "1.json", "{\"id\":1,\"name\":\"a\"}");
        ctx.file(in, "2.json", "{\"id\":2,\"name\":\"b\"}");
        StreamingQuery w = ctx.spark().readStream().schema("id INT, name STRING").option("maxFilesPerTrigger", 1)
                .json(in.toString()).writeStream().format("json").option("checkpointLocation", ctx.path("cp-sink"))
                .trigger(Trigger.AvailableNow()).start(out.toString());
        w.awaitTermination();
        ctx.file(out, "part-00007-00000000-0000-0000-0000-000000000001-c000.json", "{\"id\":99,\"name\":\"stray\"}");
        StreamingQuery r = ctx.spark().readStream().schema("id INT, name STRING").option("maxFilesPerTrigger", 1)
                .json(out.toString()).writeStream().trigger(Trigger.AvailableNow()).foreachBatch(ctx.<Row>batches()).start();
        r.awaitTermination();
    }
}
