package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.List;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;

/**
 * The commands of {@code sql()}: {@code SET}, {@code SHOW TABLES}, {@code DROP TABLE} and {@code
 * DROP VIEW}. Tables are named per case (the catalog is shared by the application's sessions) and
 * listed through a pattern, so other cases' tables do not show.
 */
public final class OpsSqlCommands {
    private OpsSqlCommands() {
    }

    private static Dataset<Row> small(TidewaySession spark) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType);
        return spark.createDataFrame(List.of(RowFactory.create(1), RowFactory.create(2)), schema);
    }

    @Case
    public static void setAndRead(CaseContext ctx) {
        TidewaySession spark = ctx.spark();
        Dataset<Row> set = spark.sql("SET spark.sql.shuffle.partitions=3");
        fields(ctx, set);
        ctx.show(set);
        ctx.println("conf: " + spark.conf().get("spark.sql.shuffle.partitions"));
        ctx.show(spark.sql("SET spark.sql.shuffle.partitions"));
        ctx.show(spark.sql("set my.case.key"));
        ctx.show(spark.sql("SET my.case.key = two words ;"));
        ctx.println("conf: " + spark.conf().get("my.case.key"));
        ctx.show(spark.sql("SET my.case.key"));
    }

    @Case
    public static void showTablesAndViews(CaseContext ctx) {
        TidewaySession spark = ctx.spark();
        small(spark).write().saveAsTable("sc_show_b");
        small(spark).write().saveAsTable("sc_show_a");
        small(spark).createOrReplaceTempView("SC_Show_View");
        small(spark).createOrReplaceTempView("other_view");
        Dataset<Row> all = spark.sql("SHOW TABLES LIKE 'sc_show*'");
        fields(ctx, all);
        for (Row r : all.collectAsList()) {
            ctx.println(r);
        }
        ctx.println("in default:");
        for (Row r : spark.sql("SHOW TABLES IN default LIKE 'sc_show_a|other*'").collectAsList()) {
            ctx.println(r);
        }
        error(ctx, "unknown schema", () -> spark.sql("SHOW TABLES IN nodb").collectAsList());
    }

    @Case
    public static void dropTablesAndViews(CaseContext ctx) throws Exception {
        TidewaySession spark = ctx.spark();
        small(spark).write().saveAsTable("sc_drop_t");
        small(spark).createOrReplaceTempView("sc_drop_v");
        error(ctx, "drop view on a table", () -> spark.sql("DROP VIEW sc_drop_t"));
        Dataset<Row> dropped = spark.sql("DROP TABLE sc_drop_t");
        ctx.println("drop table columns: " + dropped.columns().length + ", rows: " + dropped.count());
        ctx.println("table exists: " + spark.catalog().tableExists("sc_drop_t"));
        error(ctx, "read dropped", () -> spark.table("sc_drop_t").collectAsList());
        small(spark).write().saveAsTable("sc_drop_t");
        ctx.println("recreated rows: " + spark.table("sc_drop_t").count());
        error(ctx, "drop missing table", () -> spark.sql("DROP TABLE sc_drop_nope"));
        error(ctx, "drop missing table if exists", () -> spark.sql("DROP TABLE IF EXISTS sc_drop_nope"));
        error(ctx, "drop missing view", () -> spark.sql("DROP VIEW sc_drop_nope"));
        error(ctx, "drop missing view if exists", () -> spark.sql("drop view if exists sc_drop_nope"));
        error(ctx, "drop view", () -> spark.sql("DROP VIEW sc_drop_v"));
        ctx.println("view exists: " + spark.catalog().tableExists("sc_drop_v"));
        small(spark).createOrReplaceTempView("sc_drop_v2");
        error(ctx, "drop table on a view", () -> spark.sql("DROP TABLE sc_drop_v2"));
        ctx.println("view exists: " + spark.catalog().tableExists("sc_drop_v2"));
        spark.sql("DROP TABLE sc_drop_t");
    }
}
