package conformance.cases;

import conformance.Canonical;
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
 * Parquet read by {@code spark.read()} and {@code readStream()}: schema from the footer, a user
 * schema with a missing column or a wrong type, partition directories, the streaming source, and
 * files written by the other engine — Parquet files Spark 4.0.4 wrote, and Parquet files Tideway
 * wrote (whose goldens Spark produced, so they prove Spark reads Tideway's files) (issue 15).
 */
public final class SourcesParquet {
    private SourcesParquet() {
    }

    private static void show(CaseContext ctx, String label, Dataset<?> df) {
        SinksParquet.show(ctx, label, df);
    }

    /** Every condition in an error chain ("[X] ..." messages), the case directory masked. */
    static void conditions(CaseContext ctx, Throwable t, Path dir) {
        boolean any = false;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.startsWith("[") || c.getClass().getSimpleName().startsWith("SchemaColumnConvert"))) {
                ctx.println(Canonical.maskIds(Canonical.error(c).replace(dir.toUri().toString(), "<dir>/")
                        .replace(dir.toString(), "<dir>")).replaceAll("part-\\d{5}-", "part-N-"));
                any = true;
            }
        }
        if (!any) {
            ctx.error(t);
        }
    }

    private static void people(CaseContext ctx, Path dir) {
        ctx.spark().createDataFrame(List.of(RowFactory.create(1, "ann"), RowFactory.create(2, null)),
                new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType))
                .write().mode("append").parquet(dir.toString());
    }

    @Case
    public static void readsFilesSparkWrote(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "spark-all-types.snappy.parquet");
        show(ctx, "all types (Spark wrote, snappy, INT96 timestamps)", ctx.spark().read().parquet(in.toString()));
        Path micros = ctx.dir("micros");
        ctx.input(micros, "spark-timestamp-micros.gz.parquet");
        show(ctx, "TIMESTAMP_MICROS, gzip (Spark wrote)", ctx.spark().read().parquet(micros.toString()));
    }

    @Case
    public static void sparkReadsFilesTidewayWrote(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "tideway-all-types.snappy.parquet");
        show(ctx, "all types (Tideway wrote, snappy, INT96 timestamps)", ctx.spark().read().parquet(in.toString()));
        Path micros = ctx.dir("micros");
        ctx.input(micros, "tideway-timestamp-micros.gz.parquet");
        show(ctx, "TIMESTAMP_MICROS, gzip (Tideway wrote)", ctx.spark().read().parquet(micros.toString()));
        show(ctx, "with a user schema", ctx.spark().read().schema("ts TIMESTAMP, id BIGINT").parquet(micros.toString()));
    }

    @Case
    public static void schemaFromFooterAndUserSchema(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        people(ctx, in);
        show(ctx, "footer schema", ctx.spark().read().parquet(in.toString()));
        show(ctx, "user schema with a column the files lack", ctx.spark().read()
                .schema("name STRING, missing DOUBLE, id BIGINT").parquet(in.toString()));
        show(ctx, "a subset, other case", ctx.spark().read().schema("NAME STRING").parquet(in.toString()));
        try {
            ctx.spark().read().schema("id STRING").parquet(in.toString()).collectAsList();
            ctx.println("no error");
        } catch (Exception e) {
            conditions(ctx, e, ctx.dir(""));
        }
    }

    @Case
    public static void emptyAndMissingPaths(CaseContext ctx) throws Exception {
        Path empty = ctx.dir("empty");
        try {
            show(ctx, "empty dir", ctx.spark().read().parquet(empty.toString()));
        } catch (Exception e) {
            ctx.println("empty: " + Canonical.error(e));
        }
        try {
            show(ctx, "missing", ctx.spark().read().parquet(empty.resolve("nope").toString()));
        } catch (Exception e) {
            ctx.println("missing: " + Canonical.error(e).replace(empty.toString(), "<empty>"));
        }
        show(ctx, "empty dir with schema", ctx.spark().read().schema("a INT").parquet(empty.toString()));
    }

    @Case
    public static void partitionDiscovery(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        people(ctx, in.resolve("year=2023").resolve("kind=a"));
        people(ctx, in.resolve("year=2024").resolve("kind=b"));
        Dataset<Row> df = ctx.spark().read().parquet(in.toString());
        show(ctx, "partitioned", df);
        show(ctx, "where year = 2024", df.where("year = 2024").select("id", "kind"));
    }

    @Case
    public static void streamingSourceNeedsASchema(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        people(ctx, in);
        try {
            ctx.spark().readStream().parquet(in.toString());
            ctx.println("no error");
        } catch (Exception e) {
            ctx.println("readStream().parquet without schema: " + Canonical.error(e));
        }
        try {
            ctx.spark().readStream().format("parquet").load(in.toString());
            ctx.println("no error");
        } catch (Exception e) {
            ctx.println("format(parquet).load without schema: " + Canonical.error(e));
        }
    }

    @Case
    public static void streamingSourceReadsNewFiles(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        people(ctx, in);
        ctx.input(in, "spark-timestamp-micros.gz.parquet");
        // one batch: how many part files a write makes, and their order, is Spark's business
        StreamingQuery q = ctx.spark().readStream().schema("id INT, name STRING, ts TIMESTAMP")
                .parquet(in.toString())
                .writeStream().trigger(Trigger.AvailableNow()).foreachBatch(ctx.<Row>batches()).start();
        q.awaitTermination();
    }

    @Case
    public static void streamingSinkToStreamingSource(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        Path mid = ctx.dir("mid");
        ctx.file(in, "1.json", "{\"k\":\"a\",\"v\":1}", "{\"k\":\"b\",\"v\":2}");
        ctx.file(in, "2.json", "{\"k\":\"a\",\"v\":3}");
        StreamingQuery w = ctx.spark().readStream().schema("k STRING, v INT").option("maxFilesPerTrigger", 1)
                .json(in.toString()).writeStream().format("parquet").option("checkpointLocation", ctx.path("cp1"))
                .trigger(Trigger.AvailableNow()).start(mid.toString());
        w.awaitTermination();
        StreamingQuery r = ctx.spark().readStream().schema("k STRING, v INT").format("parquet").load(mid.toString())
                .groupBy("k").sum("v").writeStream().outputMode("complete").trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches()).start();
        r.awaitTermination();
    }

    /** {@code spark.sql.streaming.schemaInference=true}: the footer of the files present at load() gives the schema. */
    @Case
    public static void streamingSchemaInference(CaseContext ctx) throws Exception {
        ctx.spark().conf().set("spark.sql.streaming.schemaInference", "true");
        Path in = ctx.dir("in");
        ctx.input(in, "spark-timestamp-micros.gz.parquet");
        Dataset<Row> df = ctx.spark().readStream().parquet(in.toString());
        ctx.println("schema: " + df.schema().simpleString());
        StreamingQuery q = df.writeStream().trigger(Trigger.AvailableNow()).foreachBatch(ctx.<Row>batches()).start();
        q.awaitTermination();
    }

    /** A file that is not Parquet among Parquet files: the read fails naming it, or ignoreCorruptFiles skips it. */
    @Case
    public static void notAParquetFile(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "spark-timestamp-micros.gz.parquet");
        ctx.file(in, "zz-not-parquet.parquet", "this is not parquet");
        try {
            show(ctx, "with a schema", ctx.spark().read().schema("id INT, ts TIMESTAMP").parquet(in.toString()));
        } catch (Exception e) {
            ctx.println("with a schema:");
            conditions(ctx, e, ctx.dir(""));
        }
        show(ctx, "ignoreCorruptFiles", ctx.spark().read().option("ignoreCorruptFiles", true)
                .schema("id INT, ts TIMESTAMP").parquet(in.toString()));
    }
}
