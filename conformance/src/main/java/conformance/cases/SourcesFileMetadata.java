package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import java.nio.file.Path;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.length;

/**
 * The file sources' hidden {@code _metadata} column (Spark 4.0): its struct type and nullability,
 * hidden from {@code *}, {@code columns} and the schema, selected by name, its fields' values (the
 * case directory prints as {@code <dir>}, and the case files' modification times are fixed),
 * SQL over a view, a data column {@code _metadata} shadowing it and {@code Dataset.metadataColumn},
 * streaming file sources, and the errors where there is none.
 */
public final class SourcesFileMetadata {
    private SourcesFileMetadata() {
    }

    private static Dataset<Row> json(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "a.json", "{\"i\":1,\"s\":\"x\"}", "{\"i\":2,\"s\":\"y\"}");
        ctx.file(in, "b.json", "{\"i\":3,\"s\":\"zz\"}");
        return ctx.spark().read().schema("i INT, s STRING").json(in.toString());
    }

    /** {@code select("*", "_metadata")}: the struct after the data columns; the Dataset read hides it. */
    @Case
    public static void selectStarAndMetadata(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx);
        ctx.println("columns: " + String.join(",", df.columns()));
        df.printSchema();
        Dataset<Row> out = df.select(col("*"), col("_metadata"));
        ctx.println("columns: " + String.join(",", out.columns()));
        out.printSchema();
        ctx.show(out);
    }

    /** Each field by its dotted name, in expressions, filters and {@code withColumn}. */
    @Case
    public static void fieldsByName(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx);
        Dataset<Row> out = df.select(col("i"), col("_metadata.file_path"), col("_metadata.file_name"),
                col("_metadata.file_size"), col("_metadata.file_block_start"), col("_metadata.file_block_length"),
                col("_metadata.file_modification_time"));
        OpsData.fields(ctx, out);
        ctx.show(out);
        Dataset<Row> filtered = df.filter(col("_metadata.file_name").equalTo("b.json"))
                .withColumn("n", length(col("_metadata.file_name")));
        OpsData.fields(ctx, filtered);
        ctx.show(filtered);
        Dataset<Row> sizes = df.select(df.col("_metadata").getField("file_size"));
        OpsData.fields(ctx, sizes);
        ctx.show(sizes);
    }

    /** CSV, text and XML files carry it too. */
    @Case
    public static void otherFormats(CaseContext ctx) throws Exception {
        Path csv = ctx.dir("csv");
        ctx.file(csv, "1.csv", "a,b", "1,2");
        ctx.show(ctx.spark().read().option("header", "true").csv(csv.toString())
                .select(col("a"), col("_metadata.file_name"), col("_metadata.file_size")));
        Path text = ctx.dir("text");
        ctx.file(text, "t.txt", "hello", "world");
        ctx.show(ctx.spark().read().text(text.toString()).select(col("value"), col("_metadata")));
        Path xml = ctx.dir("xml");
        ctx.file(xml, "r.xml", "<rows><row><a>1</a></row></rows>");
        ctx.show(ctx.spark().read().option("rowTag", "row").xml(xml.toString())
                .select(col("a"), col("_metadata.file_name"), col("_metadata.file_block_length")));
    }

    /** SQL over a temporary view of a file Dataset: the view does not carry {@code _metadata}. */
    @Case
    public static void sqlOverViewRefused(CaseContext ctx) throws Exception {
        json(ctx).createOrReplaceTempView("files_meta");
        OpsData.error(ctx, "view", () -> ctx.spark().sql("SELECT i, _metadata.file_name FROM files_meta"));
        ctx.println("star: " + String.join(",", ctx.spark().sql("SELECT * FROM files_meta").columns()));
    }

    /** A data column {@code _metadata} shadows it; {@code metadataColumn} still reaches it. */
    @Case
    public static void dataColumnShadows(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "m.json", "{\"_metadata\":7,\"i\":1}");
        Dataset<Row> df = ctx.spark().read().schema("_metadata INT, i INT").json(in.toString());
        Dataset<Row> data = df.select(col("_metadata"));
        OpsData.fields(ctx, data);
        ctx.show(data);
        Dataset<Row> meta = df.select(col("i"), df.metadataColumn("_metadata").getField("file_name"));
        OpsData.fields(ctx, meta);
        ctx.show(meta);
        Dataset<Row> both = df.select(col("_metadata"), df.metadataColumn("_metadata"));
        OpsData.fields(ctx, both);
    }

    /** Errors: no metadata column outside a file source, or under another name, or after a projection. */
    @Case
    public static void errors(CaseContext ctx) throws Exception {
        Dataset<Row> files = json(ctx);
        Dataset<Row> range = ctx.spark().range(2).toDF();
        OpsData.error(ctx, "range metadataColumn", () -> range.metadataColumn("_metadata"));
        OpsData.error(ctx, "file metadataColumn(nope)", () -> files.metadataColumn("nope"));
        OpsData.error(ctx, "range select _metadata", () -> range.select(col("_metadata")));
        OpsData.error(ctx, "range col _metadata", () -> range.col("_metadata"));
        OpsData.error(ctx, "unknown field", () -> files.select(col("_metadata.nope")));
        Dataset<Row> projected = files.select(col("i")).filter(col("i").gt(1)).select(col("i"), col("_metadata.file_name"));
        OpsData.fields(ctx, projected);
        ctx.show(projected);
    }

    /** A streaming file source carries it through each micro-batch. */
    @Case
    public static void streaming(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.file(in, "1.json", "{\"i\":1}");
        ctx.file(in, "2.json", "{\"i\":2}", "{\"i\":3}");
        Dataset<Row> df = ctx.spark().readStream().schema("i INT").option("maxFilesPerTrigger", 1).json(in.toString());
        ctx.println("columns: " + String.join(",", df.columns()));
        Dataset<Row> out = df.select(col("i"), col("_metadata.file_name"), col("_metadata.file_size"),
                col("_metadata.file_path"), col("_metadata.file_modification_time"));
        OpsData.fields(ctx, out);
        OpsData.run(ctx, out);
        OpsData.run(ctx, ctx.spark().readStream().text(in.toString()).select(col("_metadata")));
    }

    /** Parquet's struct has {@code row_index} too: each row's index in its file. */
    @Case
    public static void parquetRowIndex(CaseContext ctx) throws Exception {
        Path in = ctx.dir("in");
        ctx.input(in, "spark-nonnull.snappy.parquet");
        Dataset<Row> df = ctx.spark().read().parquet(in.toString());
        Dataset<Row> out = df.select(col("_metadata"));
        out.printSchema();
        Dataset<Row> fields = df.select(col("_metadata.file_name"), col("_metadata.file_size"),
                col("_metadata.file_block_start"), col("_metadata.row_index"));
        OpsData.fields(ctx, fields);
        ctx.show(fields);
    }

    /** Grouping by a metadata field, and the column through an alias of the Dataset. */
    @Case
    public static void groupedAndAliased(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx);
        Dataset<Row> counts = df.groupBy(col("_metadata.file_name")).count();
        OpsData.fields(ctx, counts);
        ctx.show(counts);
        Dataset<Row> aliased = df.as("t").select(col("t.i"), col("_metadata.file_size"));
        OpsData.fields(ctx, aliased);
        ctx.show(aliased);
    }

    /** {@code _metadata.*} expands the struct's fields. */
    @Case
    public static void starOfFields(CaseContext ctx) throws Exception {
        Dataset<Row> out = json(ctx).select(col("i"), col("_metadata.*"));
        OpsData.fields(ctx, out);
        ctx.show(out);
    }

    /** Above a sort the column is Spark's still. */
    @Case
    public static void afterSort(CaseContext ctx) throws Exception {
        Dataset<Row> df = json(ctx);
        OpsData.error(ctx, "after orderBy", () -> ctx.show(df.orderBy(col("i")).select(col("i"), col("_metadata.file_name"))));
    }
}
