package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.catalog.Catalog;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static io.tideway.sql.functions.col;

/**
 * {@code spark.catalog()}: listing and looking up databases, tables, columns and functions, the
 * current database and catalog, creating tables, and the cache calls. Tables are shared by every
 * case of the application, so each case lists only its own ({@code cat_*} patterns).
 */
public final class OpsCatalog {
    private OpsCatalog() {
    }

    private static Dataset<Row> people(CaseContext ctx, Object[]... rows) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType, false).add("name", DataTypes.StringType);
        Row[] r = new Row[rows.length];
        for (int i = 0; i < rows.length; i++) {
            r[i] = RowFactory.create(rows[i]);
        }
        return ctx.spark().createDataFrame(Arrays.asList(r), schema);
    }

    @Case
    public static void databases(CaseContext ctx) throws Exception {
        Catalog c = ctx.spark().catalog();
        ctx.println("current: " + c.currentDatabase() + " " + c.currentCatalog());
        // the location's width in a table would depend on the temporary directory's name
        c.listDatabases().select("name", "catalog", "description").show(false);
        c.listDatabases("def*").select("name").show(false);
        ctx.println(c.listDatabases().collectAsList().get(0).toString());
        ctx.println("none: " + c.listDatabases("nope*").count());
        io.tideway.sql.catalog.Database db = c.getDatabase("default");
        ctx.println(db.name() + " | " + db.catalog() + " | " + db.description() + " | " + db.locationUri());
        ctx.println(db.toString());
        ctx.println("exists: " + c.databaseExists("default") + " " + c.databaseExists("nope"));
        error(ctx, "getDatabase missing", () -> c.getDatabase("nope"));
        error(ctx, "setCurrentDatabase missing", () -> c.setCurrentDatabase("nope"));
        c.setCurrentDatabase("default");
        ctx.println("after set: " + c.currentDatabase());
        fields(ctx, c.listDatabases());
    }

    @Case
    public static void catalogs(CaseContext ctx) throws Exception {
        Catalog c = ctx.spark().catalog();
        c.listCatalogs().show(false);
        c.listCatalogs("spark*").show(false);
        ctx.println("none: " + c.listCatalogs("x*").count());
        c.setCurrentCatalog("spark_catalog");
        ctx.println("current: " + c.currentCatalog());
        error(ctx, "setCurrentCatalog missing", () -> c.setCurrentCatalog("nope"));
        fields(ctx, c.listCatalogs());
    }

    @Case
    public static void tables(CaseContext ctx) throws Exception {
        Catalog c = ctx.spark().catalog();
        people(ctx, new Object[] {1, "a"}).write().saveAsTable("cat_t1");
        people(ctx, new Object[] {1, "a"}).write().format("json").saveAsTable("cat_t2");
        people(ctx, new Object[] {1, "a"}).createOrReplaceTempView("cat_view");
        c.listTables("default", "cat_t*|cat_view").show(false);
        c.listTables("default", "cat_t1|cat_view").show(false);
        fields(ctx, c.listTables("default", "cat_t*"));
        ctx.println("listTables(): " + c.listTables().where(col("name").startsWith("cat_t")).count()
                + " listTables(default): " + c.listTables("default").where(col("name").startsWith("cat_t")).count());
        io.tideway.sql.catalog.Table t = c.getTable("cat_t1");
        ctx.println(t.name() + " | " + t.catalog() + " | " + Arrays.toString(t.namespace()) + " | " + t.database()
                + " | " + t.description() + " | " + t.tableType() + " | " + t.isTemporary());
        io.tideway.sql.catalog.Table v = c.getTable("cat_view");
        ctx.println(v.name() + " | " + v.catalog() + " | " + Arrays.toString(v.namespace()) + " | " + v.database()
                + " | " + v.description() + " | " + v.tableType() + " | " + v.isTemporary());
        ctx.println(c.getTable("default", "cat_t2").toString());
        error(ctx, "getTable missing", () -> c.getTable("cat_nope"));
        error(ctx, "getTable missing db", () -> c.getTable("nodb", "cat_t1"));
        error(ctx, "listTables missing db", () -> c.listTables("nodb"));
        ctx.println("exists: " + c.tableExists("cat_t1") + " " + c.tableExists("default", "cat_t2") + " "
                + c.tableExists("cat_view") + " " + c.tableExists("default", "cat_view") + " " + c.tableExists("cat_nope"));
        ctx.println("temp drop: " + c.dropTempView("cat_view") + " " + c.dropTempView("cat_view"));
        people(ctx, new Object[] {1, "a"}).createOrReplaceGlobalTempView("cat_gview");
        ctx.println("global drop: " + c.dropGlobalTempView("cat_gview") + " " + c.dropGlobalTempView("cat_gview"));
    }

    @Case
    public static void columns(CaseContext ctx) throws Exception {
        Catalog c = ctx.spark().catalog();
        people(ctx, new Object[] {1, "a"}).write().partitionBy("name").saveAsTable("cat_cols");
        c.listColumns("cat_cols").show(false);
        c.listColumns("default", "cat_cols").show(false);
        ctx.spark().sql("DESCRIBE TABLE cat_cols").show(false);
        people(ctx, new Object[] {1, "a"}).createOrReplaceTempView("cat_cols_view");
        c.listColumns("cat_cols_view").show(false);
        fields(ctx, c.listColumns("cat_cols"));
        error(ctx, "listColumns missing", () -> c.listColumns("cat_nope"));
        List<io.tideway.sql.catalog.Column> cols = c.listColumns("cat_cols").collectAsList();
        for (io.tideway.sql.catalog.Column col : cols) {
            ctx.println(col.name() + " " + col.dataType() + " " + col.nullable() + " " + col.isPartition() + " " + col.isBucket()
                    + " " + col.isCluster() + " " + col.description());
            ctx.println(col.toString());
        }
    }

    @Case
    public static void functions(CaseContext ctx) throws Exception {
        Catalog c = ctx.spark().catalog();
        ctx.spark().udf().register("cat_plus_one", (io.tideway.sql.api.java.UDF1<Integer, Integer>) x -> x + 1, DataTypes.IntegerType);
        ctx.println("exists: " + c.functionExists("abs") + " " + c.functionExists("cat_plus_one") + " " + c.functionExists("nope_fn")
                + " " + c.functionExists("default", "abs") + " " + c.functionExists("ABS"));
        io.tideway.sql.catalog.Function abs = c.getFunction("abs");
        ctx.println(abs.name() + " | " + abs.catalog() + " | " + Arrays.toString(abs.namespace()) + " | " + abs.isTemporary());
        io.tideway.sql.catalog.Function udf = c.getFunction("cat_plus_one");
        ctx.println(udf.name() + " | " + udf.catalog() + " | " + Arrays.toString(udf.namespace()) + " | " + udf.isTemporary()
                + " | " + udf.description());
        error(ctx, "getFunction missing", () -> c.getFunction("nope_fn"));
        error(ctx, "getFunction missing in db", () -> c.getFunction("default", "nope_fn"));
        List<io.tideway.sql.catalog.Function> fns = c.listFunctions("default", "cat_*").collectAsList();
        for (io.tideway.sql.catalog.Function f : fns) {
            ctx.println("listed: " + f.name() + " " + f.isTemporary());
        }
        ctx.spark().sql("SHOW USER FUNCTIONS").show(false);
        ctx.println("array_* count > 10: " + (c.listFunctions("default", "array_*").count() > 10));
        ctx.println("has abs: " + c.listFunctions().where(col("name").equalTo("abs")).count());
        fields(ctx, c.listFunctions());
        error(ctx, "listFunctions missing db", () -> c.listFunctions("nodb"));
    }

    @Case
    public static void createTable(CaseContext ctx) throws Exception {
        Catalog c = ctx.spark().catalog();
        StructType schema = new StructType().add("k", DataTypes.StringType).add("v", DataTypes.LongType);
        Dataset<Row> t1 = c.createTable("cat_ct1", "json", schema, Map.of());
        ctx.println("empty: " + t1.count());
        fields(ctx, t1);
        ctx.spark().createDataFrame(List.of(RowFactory.create("a", 1L)), schema).write().insertInto("cat_ct1");
        ctx.show(ctx.spark().table("cat_ct1"));
        error(ctx, "create again", () -> c.createTable("cat_ct1", "json", schema, Map.of()));
        Dataset<Row> t2 = c.createTable("cat_ct2", "parquet", schema, "a description", Map.of());
        ctx.println("description: " + c.getTable("cat_ct2").description());
        fields(ctx, t2);
        ctx.spark().createDataFrame(List.of(RowFactory.create("x", 2L)), schema).write().format("json").mode("overwrite").save(ctx.path("ext"));
        Dataset<Row> t3 = c.createTable("cat_ct3", ctx.path("ext"), "json");
        ctx.show(t3);
        ctx.println("external: " + c.getTable("cat_ct3").tableType());
        ctx.spark().createDataFrame(List.of(RowFactory.create("p", 3L)), schema).write().mode("overwrite").parquet(ctx.path("extp"));
        ctx.show(c.createTable("cat_ct4", ctx.path("extp")));
        ctx.println("default format: " + c.getTable("cat_ct4").tableType());
        Dataset<Row> t5 = c.createTable("cat_ct5", "json", Map.of("path", ctx.path("ext")));
        ctx.show(t5);
        Dataset<Row> t6 = c.createTable("cat_ct6", "csv", new StructType().add("line", DataTypes.StringType), Map.of());
        ctx.println("csv: " + t6.count());
        ctx.println("sql drop");
        ctx.spark().sql("DROP TABLE cat_ct3");
        ctx.println("after drop: " + c.tableExists("cat_ct3") + ", files kept: " + ctx.spark().read().json(ctx.path("ext")).count());
    }

    @Case
    public static void caching(CaseContext ctx) throws Exception {
        Catalog c = ctx.spark().catalog();
        people(ctx, new Object[] {1, "a"}).write().saveAsTable("cat_cache");
        people(ctx, new Object[] {1, "a"}).createOrReplaceTempView("cat_cache_view");
        ctx.println("cached: " + c.isCached("cat_cache"));
        c.cacheTable("cat_cache");
        ctx.println("after cacheTable: " + c.isCached("cat_cache"));
        c.uncacheTable("cat_cache");
        ctx.println("after uncacheTable: " + c.isCached("cat_cache"));
        c.cacheTable("cat_cache_view");
        ctx.println("view cached: " + c.isCached("cat_cache_view"));
        c.clearCache();
        ctx.println("after clearCache: " + c.isCached("cat_cache_view"));
        error(ctx, "isCached missing", () -> c.isCached("cat_nope"));
        error(ctx, "cacheTable missing", () -> c.cacheTable("cat_nope"));
        error(ctx, "uncacheTable missing", () -> c.uncacheTable("cat_nope"));
        c.refreshTable("cat_cache");
        error(ctx, "refreshTable missing", () -> c.refreshTable("cat_nope"));
        c.refreshByPath(ctx.path("anything"));
        error(ctx, "recoverPartitions", () -> c.recoverPartitions("cat_cache"));
        error(ctx, "recoverPartitions view", () -> c.recoverPartitions("cat_cache_view"));
        ctx.println("done");
    }

    @Case
    public static void sqlCommands(CaseContext ctx) throws Exception {
        ctx.spark().sql("SHOW DATABASES").show(false);
        ctx.spark().sql("SHOW DATABASES LIKE 'def*'").show(false);
        ctx.spark().sql("CREATE TABLE cat_sql (a INT, b STRING) USING json").show();
        ctx.spark().sql("DESCRIBE TABLE cat_sql").show(false);
        ctx.spark().sql("DESC cat_sql").show(false);
        error(ctx, "create again", () -> ctx.spark().sql("CREATE TABLE cat_sql (a INT) USING json"));
        ctx.spark().sql("CREATE TABLE IF NOT EXISTS cat_sql (a INT) USING json");
        ctx.spark().createDataFrame(List.of(RowFactory.create(1, "x")), ctx.spark().table("cat_sql").schema()).write().insertInto("cat_sql");
        ctx.show(ctx.spark().sql("SELECT * FROM cat_sql"));
        ctx.println("functions: " + ctx.spark().sql("SHOW FUNCTIONS LIKE 'array_c*'").collectAsList());
        fields(ctx, ctx.spark().sql("SHOW FUNCTIONS"));
        ctx.spark().sql("DROP TABLE cat_sql");
        ctx.println("dropped: " + ctx.spark().catalog().tableExists("cat_sql"));
        error(ctx, "describe missing", () -> ctx.spark().sql("DESCRIBE TABLE cat_sql"));
    }
}
