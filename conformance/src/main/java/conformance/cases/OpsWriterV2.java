package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;
import java.util.Map;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static io.tideway.sql.functions.bucket;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.days;
import static io.tideway.sql.functions.hours;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.months;
import static io.tideway.sql.functions.years;

/**
 * {@code df.writeTo(table)} ({@code DataFrameWriterV2}) over the session catalog's warehouse
 * tables: create, append, replace and overwrite, the partition transforms, and what Spark's
 * default (v1) session catalog refuses. Every case names its own tables ({@code v2_*}): the
 * catalog is shared by the sessions of one application.
 */
public final class OpsWriterV2 {
    private OpsWriterV2() {
    }

    private static Dataset<Row> people(CaseContext ctx, Object[]... rows) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType);
        Row[] r = new Row[rows.length];
        for (int i = 0; i < rows.length; i++) {
            r[i] = RowFactory.create(rows[i]);
        }
        return ctx.spark().createDataFrame(Arrays.asList(r), schema);
    }

    @Case
    public static void createAndRead(CaseContext ctx) throws Exception {
        Dataset<Row> df = people(ctx, new Object[] {1, "a"}, new Object[] {2, "b"});
        df.writeTo("v2_create").create();
        ctx.show(ctx.spark().table("v2_create"));
        fields(ctx, ctx.spark().table("v2_create"));
        error(ctx, "create again", () -> df.writeTo("v2_create").create());
        error(ctx, "create again, other case", () -> df.writeTo("V2_CREATE").create());
        ctx.println("exists: " + ctx.spark().catalog().tableExists("v2_create"));
    }

    @Case
    public static void append(CaseContext ctx) throws Exception {
        error(ctx, "append to missing", () -> people(ctx, new Object[] {1, "a"}).writeTo("v2_nope").append());
        people(ctx, new Object[] {1, "a"}).writeTo("v2_append").create();
        error(ctx, "append", () -> people(ctx, new Object[] {2, "b"}).writeTo("v2_append").append());
        error(ctx, "append by name", () -> people(ctx, new Object[] {3, "c"}).select(col("name"), col("id")).writeTo("v2_append").append());
        ctx.show(ctx.spark().table("v2_append"));
        error(ctx, "append missing column", () -> people(ctx, new Object[] {4, "d"}).select(col("id")).writeTo("v2_append").append());
        error(ctx, "append extra column", () -> people(ctx, new Object[] {4, "d"}).withColumn("x", lit(1)).writeTo("v2_append").append());
        error(ctx, "append other name", () -> people(ctx, new Object[] {4, "d"}).withColumnRenamed("name", "nm").writeTo("v2_append").append());
        ctx.println("after errors: " + ctx.spark().table("v2_append").count());
    }

    @Case
    public static void appendCasts(CaseContext ctx) throws Exception {
        people(ctx, new Object[] {1, "a"}).writeTo("v2_casts").create();
        error(ctx, "append", () -> ctx.spark().range(5, 7).select(col("id"), col("id").cast("string").as("name")).writeTo("v2_casts").append());
        ctx.show(ctx.spark().table("v2_casts"));
        fields(ctx, ctx.spark().table("v2_casts"));
    }

    @Case
    public static void replaceAndCreateOrReplace(CaseContext ctx) throws Exception {
        Dataset<Row> df = people(ctx, new Object[] {1, "a"});
        error(ctx, "replace missing", () -> df.writeTo("v2_replace").replace());
        df.writeTo("v2_replace").create();
        error(ctx, "replace existing", () -> people(ctx, new Object[] {9, "z"}).writeTo("v2_replace").replace());
        error(ctx, "createOrReplace existing", () -> people(ctx, new Object[] {8, "y"}).writeTo("v2_replace").createOrReplace());
        ctx.show(ctx.spark().table("v2_replace"));
        error(ctx, "createOrReplace new", () -> people(ctx, new Object[] {7, "x"}).writeTo("v2_cor").createOrReplace());
        ctx.println("new exists: " + ctx.spark().catalog().tableExists("v2_cor"));
    }

    @Case
    public static void overwrite(CaseContext ctx) throws Exception {
        people(ctx, new Object[] {1, "a"}, new Object[] {2, "b"}).writeTo("v2_over").create();
        error(ctx, "overwrite condition", () -> people(ctx, new Object[] {3, "c"}).writeTo("v2_over").overwrite(col("id").gt(1)));
        error(ctx, "overwrite true", () -> people(ctx, new Object[] {3, "c"}).writeTo("v2_over").overwrite(lit(true)));
        error(ctx, "overwritePartitions", () -> people(ctx, new Object[] {4, "d"}).writeTo("v2_over").overwritePartitions());
        ctx.show(ctx.spark().table("v2_over"));
        error(ctx, "overwrite missing", () -> people(ctx, new Object[] {3, "c"}).writeTo("v2_over_none").overwrite(lit(true)));
        error(ctx, "overwritePartitions missing", () -> people(ctx, new Object[] {3, "c"}).writeTo("v2_over_none").overwritePartitions());
    }

    @Case
    public static void usingOptionsProperties(CaseContext ctx) throws Exception {
        people(ctx, new Object[] {1, "a"}, new Object[] {2, null}).writeTo("v2_json")
                .using("json").option("compression", "none").options(Map.of("k1", "v1"))
                .tableProperty("owner.team", "ops").create();
        ctx.show(ctx.spark().table("v2_json"));
        ctx.show(ctx.spark().read().format("json").load(ctx.spark().conf().get("spark.sql.warehouse.dir") + "/v2_json"));
        error(ctx, "append", () -> people(ctx, new Object[] {3, "c"}).writeTo("v2_json").append());
        ctx.println("count: " + ctx.spark().table("v2_json").count());
        error(ctx, "unknown format", () -> people(ctx, new Object[] {1, "a"}).writeTo("v2_fmt").using("nosuchformat").create());
        ctx.println("unknown format exists: " + ctx.spark().catalog().tableExists("v2_fmt"));
    }

    @Case
    public static void partitionedByColumn(CaseContext ctx) throws Exception {
        Dataset<Row> df = people(ctx, new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {3, "a"});
        df.writeTo("v2_parts").partitionedBy(col("name")).create();
        ctx.show(ctx.spark().table("v2_parts"));
        fields(ctx, ctx.spark().table("v2_parts"));
        ctx.spark().catalog().listColumns("v2_parts").show(false);
        error(ctx, "append", () -> people(ctx, new Object[] {4, "c"}).writeTo("v2_parts").append());
        ctx.show(ctx.spark().table("v2_parts").where(col("name").equalTo("c")));
        ctx.println("partition dir: " + java.nio.file.Files.isDirectory(
                java.nio.file.Path.of(ctx.spark().conf().get("spark.sql.warehouse.dir"), "v2_parts", "name=c")));
    }

    @Case
    public static void partitionTransforms(CaseContext ctx) throws Exception {
        StructType schema = new StructType().add("id", DataTypes.LongType).add("ts", DataTypes.TimestampType);
        Dataset<Row> df = ctx.spark().createDataFrame(Arrays.asList(
                RowFactory.create(1L, java.sql.Timestamp.valueOf("2024-03-05 10:00:00")),
                RowFactory.create(2L, java.sql.Timestamp.valueOf("2025-07-01 23:30:00"))), schema);
        error(ctx, "years", () -> df.writeTo("v2_years").partitionedBy(years(col("ts"))).create());
        error(ctx, "months", () -> df.writeTo("v2_months").partitionedBy(months(col("ts"))).create());
        error(ctx, "days", () -> df.writeTo("v2_days").partitionedBy(days(col("ts"))).create());
        error(ctx, "hours", () -> df.writeTo("v2_hours").partitionedBy(hours(col("ts"))).create());
        error(ctx, "bucket", () -> df.writeTo("v2_bucket").partitionedBy(bucket(4, col("id"))).create());
        error(ctx, "bucket column", () -> df.writeTo("v2_bucket2").partitionedBy(bucket(lit(4), col("id"))).create());
        ctx.println("exists: " + ctx.spark().catalog().tableExists("v2_years"));
        ctx.show(ctx.spark().table("v2_bucket"));
        ctx.spark().catalog().listColumns("v2_bucket").show(false);
        // Spark's message shows the expression after its optimizer rewrote it, so only the condition is printed
        condition(ctx, "years in select", () -> df.select(years(col("ts"))).collectAsList());
        condition(ctx, "bucket in select", () -> df.select(bucket(2, col("id"))).collectAsList());
        ctx.println("toString: " + years(col("ts")) + " " + months(col("ts")) + " " + days(col("ts")) + " "
                + hours(col("ts")) + " " + bucket(4, col("id")));
    }

    private static void condition(CaseContext ctx, String label, OpsData.ThrowingRunnable action) {
        try {
            action.run();
            ctx.println(label + ": no error");
        } catch (Exception e) {
            ctx.println(label + ": " + e.getClass().getSimpleName() + " " + ((io.tideway.SparkThrowable) e).getCondition());
        }
    }

    @Case
    public static void clusterBy(CaseContext ctx) throws Exception {
        people(ctx, new Object[] {1, "a"}, new Object[] {2, "b"}).writeTo("v2_cluster").clusterBy("id").create();
        ctx.show(ctx.spark().table("v2_cluster"));
        ctx.spark().catalog().listColumns("v2_cluster").show(false);
        error(ctx, "cluster missing column", () -> people(ctx, new Object[] {1, "a"}).writeTo("v2_cluster2").clusterBy("nope").create());
        error(ctx, "cluster and partition", () -> people(ctx, new Object[] {1, "a"}).writeTo("v2_cluster3")
                .partitionedBy(col("name")).clusterBy("id").create());
    }

    @Case
    public static void mergeInto(CaseContext ctx) throws Exception {
        people(ctx, new Object[] {1, "a"}).writeTo("v2_merge").create();
        Dataset<Row> src = people(ctx, new Object[] {1, "x"}, new Object[] {2, "y"});
        error(ctx, "merge", () -> src.mergeInto("v2_merge", col("v2_merge.id").equalTo(src.col("id")))
                .whenMatched().updateAll()
                .whenNotMatched().insertAll()
                .merge());
        error(ctx, "merge missing", () -> src.mergeInto("v2_merge_none", lit(true))
                .whenNotMatched().insertAll()
                .merge());
        error(ctx, "merge without actions", () -> src.mergeInto("v2_merge", lit(true)).merge());
        ctx.show(ctx.spark().table("v2_merge"));
    }

    @Case
    public static void tempViewsAndStreams(CaseContext ctx) throws Exception {
        Dataset<Row> df = people(ctx, new Object[] {1, "a"});
        df.createOrReplaceTempView("v2_view");
        error(ctx, "append to temp view", () -> df.writeTo("v2_view").append());
        error(ctx, "create over temp view", () -> df.writeTo("v2_view").create());
        Dataset<Row> stream = ctx.spark().readStream().format("rate").load();
        error(ctx, "streaming", () -> stream.writeTo("v2_stream"));
    }
}
