package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code DataFrameWriter.bucketBy/sortBy/clusterBy} and {@code DataStreamWriter.clusterBy}
 * (issue 15): where Spark accepts them and the errors where it does not.
 */
public final class IoWriterLayout {
    private IoWriterLayout() {
    }

    private static Dataset<Row> people(CaseContext ctx) {
        return ctx.spark().createDataFrame(List.of(RowFactory.create(1, "ann"), RowFactory.create(2, "bob")),
                new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType));
    }

    private interface Write {
        void run() throws Exception;
    }

    private static void attempt(CaseContext ctx, String label, Write w) {
        try {
            w.run();
            ctx.println(label + ": ok");
        } catch (Exception e) {
            ctx.println(label + ": " + conformance.Canonical.error(e));
        }
    }

    @Case
    public static void bucketByRefusedOutsideTables(CaseContext ctx) throws Exception {
        Path out = ctx.dir("out");
        attempt(ctx, "bucketBy json", () -> people(ctx).write().bucketBy(2, "id").json(out.resolve("a").toString()));
        attempt(ctx, "bucketBy sortBy parquet", () -> people(ctx).write().bucketBy(2, "id").sortBy("name")
                .parquet(out.resolve("b").toString()));
        attempt(ctx, "sortBy alone", () -> people(ctx).write().sortBy("name").csv(out.resolve("c").toString()));
        attempt(ctx, "bucketBy save()", () -> people(ctx).write().bucketBy(3, "id", "name").format("json")
                .option("path", out.resolve("d").toString()).save());
        people(ctx).write().saveAsTable("t0");
        attempt(ctx, "bucketBy insertInto", () -> people(ctx).write().bucketBy(2, "id").insertInto("t0"));
    }

    @Case
    public static void insertIntoRefusesPartitionBy(CaseContext ctx) throws Exception {
        people(ctx).write().saveAsTable("ins");
        attempt(ctx, "partitionBy insertInto", () -> people(ctx).write().partitionBy("name").insertInto("ins"));
        attempt(ctx, "insertInto", () -> people(ctx).write().insertInto("ins"));
        ctx.println(ctx.spark().table("ins").count());
    }

    @Case
    public static void bucketByWithSaveAsTable(CaseContext ctx) throws Exception {
        people(ctx).write().bucketBy(4, "id").sortBy("name").saveAsTable("bucketed");
        ctx.show(ctx.spark().table("bucketed"));
        people(ctx).write().mode("append").bucketBy(4, "id").sortBy("name").saveAsTable("bucketed");
        ctx.println(ctx.spark().table("bucketed").count());
    }

    @Case
    public static void bucketSpecMismatchOnAppend(CaseContext ctx) throws Exception {
        people(ctx).write().bucketBy(4, "id").saveAsTable("b4");
        attempt(ctx, "append with other buckets", () -> people(ctx).write().mode("append").bucketBy(2, "id").saveAsTable("b4"));
        attempt(ctx, "append without buckets", () -> people(ctx).write().mode("append").saveAsTable("b4"));
        ctx.println(ctx.spark().table("b4").count());
    }

    @Case
    public static void clusterBy(CaseContext ctx) throws Exception {
        Path out = ctx.dir("out");
        attempt(ctx, "clusterBy json", () -> people(ctx).write().clusterBy("id").json(out.resolve("a").toString()));
        ctx.show(ctx.spark().read().json(out.resolve("a").toString()));
        attempt(ctx, "clusterBy then partitionBy", () -> people(ctx).write().clusterBy("id").partitionBy("name"));
        attempt(ctx, "partitionBy then clusterBy", () -> people(ctx).write().partitionBy("name").clusterBy("id", "name"));
        attempt(ctx, "bucketBy then clusterBy", () -> people(ctx).write().bucketBy(2, "id").clusterBy("id"));
        attempt(ctx, "clusterBy then bucketBy", () -> people(ctx).write().clusterBy("id").bucketBy(2, "name"));
        attempt(ctx, "clusterBy saveAsTable", () -> people(ctx).write().clusterBy("name").saveAsTable("clustered"));
        ctx.show(ctx.spark().table("clustered"));
    }

    @Case
    public static void streamClusterBy(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a.txt", "x", "y");
        Dataset<Row> lines = ctx.spark().readStream().text(in.toString());
        attempt(ctx, "stream clusterBy then partitionBy", () -> lines.writeStream().clusterBy("value").partitionBy("value"));
        attempt(ctx, "stream partitionBy then clusterBy", () -> lines.writeStream().partitionBy("value").clusterBy("value"));
        attempt(ctx, "stream clusterBy unknown column", () -> lines.writeStream().clusterBy("nope").format("console")
                .trigger(Trigger.AvailableNow()).start().awaitTermination());
        StreamingQuery q = lines.writeStream().clusterBy("value").trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.batches()).start();
        q.awaitTermination();
        Path out = ctx.dir("out");
        StreamingQuery files = lines.writeStream().clusterBy("VALUE").format("json").trigger(Trigger.AvailableNow())
                .option("checkpointLocation", ctx.dir("cp").toString()).start(out.toString());
        files.awaitTermination();
        ctx.show(ctx.spark().read().json(out.toString()));
    }
}
