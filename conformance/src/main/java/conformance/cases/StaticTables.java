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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static io.tideway.sql.functions.col;

/**
 * Tables in the session's warehouse ({@code spark.sql.warehouse.dir}): {@code saveAsTable},
 * {@code insertInto}, {@code table}, {@code writeStream().toTable} and {@code readStream().table}.
 * Every case names its own tables: the catalog is shared by the sessions of one application.
 */
public final class StaticTables {
    private StaticTables() {
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
    public static void saveAsTableModes(CaseContext ctx) throws Exception {
        Dataset<Row> df = people(ctx, new Object[] {1, "a"}, new Object[] {2, "b"});
        df.write().saveAsTable("t_modes");
        fields(ctx, ctx.spark().table("t_modes"));
        ctx.show(ctx.spark().table("t_modes"));
        ctx.println("exists: " + ctx.spark().catalog().tableExists("t_modes") + " " + ctx.spark().catalog().tableExists("t_nope"));
        error(ctx, "again", () -> df.write().saveAsTable("t_modes"));
        df.write().mode("append").saveAsTable("t_modes");
        ctx.println("append:");
        ctx.show(ctx.spark().read().table("t_modes"));
        people(ctx, new Object[] {9, "z"}).write().mode("ignore").saveAsTable("t_modes");
        ctx.println("ignore:");
        ctx.show(ctx.spark().table("T_MODES"));
        people(ctx, new Object[] {7, "q"}).write().mode("overwrite").saveAsTable("t_modes");
        ctx.println("overwrite:");
        ctx.show(ctx.spark().table("t_modes"));
    }

    @Case
    public static void formatsAndSql(CaseContext ctx) throws Exception {
        people(ctx, new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {3, null}).write().format("json").saveAsTable("t_json");
        ctx.show(ctx.spark().table("t_json"));
        ctx.show(ctx.spark().sql("SELECT name, id * 10 AS x FROM t_json WHERE id > 1"));
        people(ctx, new Object[] {5, "e"}).write().format("json").mode("append").saveAsTable("t_json");
        ctx.println("count: " + ctx.spark().table("t_json").count());
    }

    @Case
    public static void insertIntoByPosition(CaseContext ctx) throws Exception {
        people(ctx, new Object[] {1, "a"}).write().saveAsTable("t_insert");
        Dataset<Row> other = ctx.spark().range(3).select(col("id").plus(100), col("id").cast("string").as("label"));
        other.write().insertInto("t_insert");
        ctx.show(ctx.spark().table("t_insert"));
        fields(ctx, ctx.spark().table("t_insert"));
        error(ctx, "three columns", () -> ctx.spark().range(1).select(col("id"), col("id"), col("id")).write().insertInto("t_insert"));
        error(ctx, "one column", () -> ctx.spark().range(1).select(col("id")).write().insertInto("t_insert"));
        error(ctx, "missing table", () -> other.write().insertInto("t_missing"));
        people(ctx, new Object[] {42, "x"}).write().mode("overwrite").insertInto("t_insert");
        ctx.println("overwrite:");
        ctx.show(ctx.spark().table("t_insert"));
    }

    @Case(timeoutSeconds = 180)
    public static void locationAlreadyExists(CaseContext ctx) throws Exception {
        Path location = Path.of(ctx.spark().conf().get("spark.sql.warehouse.dir")).resolve("t_taken");
        Files.createDirectories(location.resolve("_leftover"));
        error(ctx, "saveAsTable", () -> people(ctx, new Object[] {1, "a"}).write().saveAsTable("t_taken"));
        ctx.println("exists: " + ctx.spark().catalog().tableExists("t_taken"));
        ctx.show(ctx.spark().table("t_taken"));
        ctx.println("leftover kept: " + Files.exists(location.resolve("_leftover")));
    }

    @Case
    public static void tableNotFound(CaseContext ctx) {
        error(ctx, "table", () -> ctx.spark().table("t_none"));
        error(ctx, "read().table", () -> ctx.spark().read().table("t_none"));
        error(ctx, "readStream().table", () -> ctx.spark().readStream().table("t_none"));
    }

    @Case
    public static void streamToTableAndBack(CaseContext ctx) throws Exception {
        Dataset<Row> in = json(ctx, "device STRING, signal DOUBLE",
                new String[] {"{\"device\":\"d1\",\"signal\":1.5}", "{\"device\":\"d2\",\"signal\":2.5}"},
                new String[] {"{\"device\":\"d3\",\"signal\":3.5}"});
        StreamingQuery q = in.where(col("signal").gt(2)).writeStream()
                .option("checkpointLocation", ctx.path("chk"))
                .trigger(Trigger.AvailableNow())
                .toTable("t_stream");
        q.awaitTermination();
        ctx.println("table:");
        ctx.show(ctx.spark().table("t_stream"));
        fields(ctx, ctx.spark().table("t_stream"));
        ctx.println("stream of the table:");
        StreamingQuery back = ctx.spark().readStream().table("t_stream").writeStream()
                .trigger(Trigger.AvailableNow())
                .foreachBatch(ctx.<Row>batches())
                .start();
        back.awaitTermination();
    }
}
