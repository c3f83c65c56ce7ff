package io.tideway.sql.catalog;

import io.tideway.engine.catalog.CatalogEncoders;
import io.tideway.engine.catalog.NamePattern;
import io.tideway.engine.catalog.TableCatalog;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.connector.catalog.CatalogNotFoundException;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Spark's {@code spark.catalog()} over what Tideway has: one catalog, {@code spark_catalog}, with
 * one database, {@code default}, holding the warehouse's tables ({@link TableCatalog}), beside the
 * session's temporary views, built-in functions and temporary functions ({@code udf().register}).
 * Listings are Datasets of Spark's result classes ({@link Database}, {@link Table},
 * {@link Column}, {@link Function}, {@link CatalogMetadata}) with Spark's columns.
 *
 * <p>Caching as Spark's local mode shows it: {@link #cacheTable} marks a table or view cached and
 * {@link #isCached} reports the mark; Tideway reads a table's files again on every query (no rows
 * are kept in memory), so the mark changes no result. {@link #refreshTable} and
 * {@link #refreshByPath} have nothing to refresh, and {@link #recoverPartitions} nothing to
 * recover (partition directories are listed on every read); each still checks its table as Spark
 * does. A view over the session; holds no state of its own, so any thread may use it.
 */
public final class Catalog {
    private static final String CATALOG = "spark_catalog";
    private static final String DATABASE = "default";
    private static final String SEARCH_PATH = "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]";

    private final TidewaySession session;

    public Catalog(TidewaySession session) {
        this.session = session;
    }

    // ---- catalogs and databases ----

    /** {@code default}: the only database. */
    public String currentDatabase() {
        return DATABASE;
    }

    /** Accepts {@code default}; another name fails with {@code [SCHEMA_NOT_FOUND]}. */
    public void setCurrentDatabase(String dbName) {
        requireDatabase(dbName);
    }

    /** {@code spark_catalog}: the only catalog. */
    public String currentCatalog() {
        return CATALOG;
    }

    /** Accepts {@code spark_catalog}; another name fails with {@code [CATALOG_NOT_FOUND]}. */
    public void setCurrentCatalog(String catalogName) {
        if (!CATALOG.equalsIgnoreCase(catalogName)) {
            throw Unchecked.raise(new CatalogNotFoundException("CATALOG_NOT_FOUND", Map.of(
                    "catalogName", ErrorParams.id(catalogName), "config", "\"spark.sql.catalog." + catalogName + "\"")));
        }
    }

    public Dataset<CatalogMetadata> listCatalogs() {
        return listCatalogs("*");
    }

    /** The catalogs whose names match {@code pattern} ({@code *} any characters, {@code |} alternatives). */
    public Dataset<CatalogMetadata> listCatalogs(String pattern) {
        List<CatalogMetadata> all = NamePattern.compile(pattern).matcher(CATALOG).matches()
                ? List.of(new CatalogMetadata(CATALOG, null)) : List.of();
        return session.createDataset(all, CatalogEncoders.catalogs());
    }

    public Dataset<Database> listDatabases() {
        return listDatabases("*");
    }

    /** The databases whose names match {@code pattern}. */
    public Dataset<Database> listDatabases(String pattern) {
        List<Database> all = NamePattern.compile(pattern).matcher(DATABASE).matches() ? List.of(defaultDatabase()) : List.of();
        return session.createDataset(all, CatalogEncoders.databases());
    }

    /** The database {@code dbName}; {@code [SCHEMA_NOT_FOUND]} unless it is {@code default}. */
    public Database getDatabase(String dbName) {
        requireDatabase(dbName);
        return defaultDatabase();
    }

    public boolean databaseExists(String dbName) {
        return DATABASE.equalsIgnoreCase(dbName);
    }

    private Database defaultDatabase() {
        return new Database(DATABASE, CATALOG, "default database", session.tableCatalog().warehouse().toUri().toString()
                .replaceFirst("^file:///", "file:/").replaceFirst("/$", ""));
    }

    private static void requireDatabase(String dbName) {
        if (!DATABASE.equalsIgnoreCase(dbName)) {
            throw Unchecked.raise(new AnalysisException("SCHEMA_NOT_FOUND",
                    Map.of("schemaName", ErrorParams.id(CATALOG) + "." + ErrorParams.id(dbName))));
        }
    }

    // ---- tables and views ----

    /** The warehouse's tables, then the session's temporary views, each by name. */
    public Dataset<Table> listTables() {
        return listTables(DATABASE, "*");
    }

    public Dataset<Table> listTables(String dbName) {
        return listTables(dbName, "*");
    }

    /** The tables of {@code dbName} and the temporary views whose names match {@code pattern}. */
    public Dataset<Table> listTables(String dbName, String pattern) {
        requireDatabase(dbName);
        Pattern like = NamePattern.compile(pattern);
        List<Table> all = new java.util.ArrayList<>();
        for (TableCatalog.Table t : session.tableCatalog().list()) {
            if (like.matcher(t.name()).matches()) {
                all.add(table(t));
            }
        }
        for (String v : session.viewNames()) {
            if (like.matcher(v).matches()) {
                all.add(view(v));
            }
        }
        return session.createDataset(all, CatalogEncoders.tables());
    }

    /** The temporary view or table {@code tableName}; {@code [TABLE_OR_VIEW_NOT_FOUND]} if neither. */
    public Table getTable(String tableName) {
        if (session.hasView(tableName)) {
            return view(tableName.toLowerCase(Locale.ROOT));
        }
        TableCatalog.Table t = session.tableCatalog().get(tableName);
        if (t == null) {
            throw TableCatalog.notFound(tableName);
        }
        return table(t);
    }

    /** The table {@code tableName} of database {@code dbName}. */
    public Table getTable(String dbName, String tableName) {
        TableCatalog.Table t = DATABASE.equalsIgnoreCase(dbName) ? session.tableCatalog().get(tableName) : null;
        if (t == null) {
            throw Unchecked.raise(new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName",
                    ErrorParams.id(CATALOG) + "." + ErrorParams.id(dbName) + "." + ErrorParams.id(tableName))));
        }
        return table(t);
    }

    /** Whether {@code tableName} is a temporary view of this session or a table of the warehouse. */
    public boolean tableExists(String tableName) {
        return session.hasView(tableName) || session.tableCatalog().get(tableName) != null;
    }

    /** Whether {@code tableName} is a table of database {@code dbName} (only {@code default} has any). */
    public boolean tableExists(String dbName, String tableName) {
        return DATABASE.equalsIgnoreCase(dbName) && session.tableCatalog().get(tableName) != null;
    }

    private static Table table(TableCatalog.Table t) {
        return new Table(t.name(), CATALOG, new String[] {DATABASE}, t.layout().description(), t.layout().tableType(), false);
    }

    private static Table view(String name) {
        return new Table(name, null, new String[0], null, "TEMPORARY", true);
    }

    /** The columns of the temporary view or table {@code tableName}, in order. */
    public Dataset<Column> listColumns(String tableName) {
        if (session.hasView(tableName)) {
            return columns(session.table(tableName).schema(), null);
        }
        TableCatalog.Table t = session.tableCatalog().get(tableName);
        if (t == null) {
            throw TableCatalog.notFound(tableName);
        }
        return columns(t.schema(), t);
    }

    /** The columns of table {@code tableName} of database {@code dbName}. */
    public Dataset<Column> listColumns(String dbName, String tableName) {
        getTable(dbName, tableName);
        return columns(session.tableCatalog().get(tableName).schema(), session.tableCatalog().get(tableName));
    }

    private Dataset<Column> columns(StructType schema, TableCatalog.Table table) {
        List<Column> all = new java.util.ArrayList<>();
        for (io.tideway.sql.types.StructField f : schema.fields()) {
            boolean partition = table != null && table.layout().partitionColumns().contains(f.name());
            boolean bucket = table != null && table.layout().bucketColumns().contains(f.name());
            boolean cluster = table != null && table.layout().clusterColumns().contains(f.name());
            all.add(new Column(f.name(), null, f.dataType().simpleString(), f.nullable(), partition, bucket, cluster));
        }
        return session.createDataset(all, CatalogEncoders.columns());
    }

    /**
     * Creates the external table {@code tableName} over the files at {@code path}, in the format
     * {@code spark.sql.sources.default}; the files stay when the table is dropped.
     */
    public Dataset<Row> createTable(String tableName, String path) {
        return createTable(tableName, path, io.tideway.engine.conf.TidewayConf.SOURCES_DEFAULT.get(session.conf()));
    }

    /** As {@link #createTable(String, String)}, in the format {@code source}. */
    public Dataset<Row> createTable(String tableName, String path, String source) {
        return createTable(tableName, source, Map.of("path", path));
    }

    /** A table in {@code source} format; a {@code path} option makes it external, over those files (their schema read from them). */
    public Dataset<Row> createTable(String tableName, String source, Map<String, String> options) {
        return createTable(tableName, source, null, null, options);
    }

    /** As {@link #createTable(String, String, Map)}, with a comment. */
    public Dataset<Row> createTable(String tableName, String source, String description, Map<String, String> options) {
        return createTable(tableName, source, null, description, options);
    }

    /** A table of {@code schema} in {@code source} format: managed (empty) without a {@code path} option, else external. */
    public Dataset<Row> createTable(String tableName, String source, StructType schema, Map<String, String> options) {
        return createTable(tableName, source, schema, null, options);
    }

    /** As {@link #createTable(String, String, StructType, Map)}, with a comment. */
    public Dataset<Row> createTable(String tableName, String source, StructType schema, String description,
                                    Map<String, String> options) {
        new io.tideway.engine.catalog.TableCreation(session).create(tableName, source, schema, description, options);
        return session.table(tableName);
    }

    /** Spark's deprecated name of {@link #createTable(String, String)}. */
    @Deprecated
    public Dataset<Row> createExternalTable(String tableName, String path) {
        return createTable(tableName, path);
    }

    /** Spark's deprecated name of {@link #createTable(String, String, String)}. */
    @Deprecated
    public Dataset<Row> createExternalTable(String tableName, String path, String source) {
        return createTable(tableName, path, source);
    }

    /** Spark's deprecated name of {@link #createTable(String, String, Map)}. */
    @Deprecated
    public Dataset<Row> createExternalTable(String tableName, String source, Map<String, String> options) {
        return createTable(tableName, source, options);
    }

    /** Spark's deprecated name of {@link #createTable(String, String, StructType, Map)}. */
    @Deprecated
    public Dataset<Row> createExternalTable(String tableName, String source, StructType schema, Map<String, String> options) {
        return createTable(tableName, source, schema, options);
    }

    /** Drops a temporary view; whether there was one. */
    public boolean dropTempView(String viewName) {
        boolean had = session.hasView(viewName);
        session.dropView(viewName);
        return had;
    }

    /** Drops a global temporary view ({@code global_temp.<viewName>}); whether there was one. */
    public boolean dropGlobalTempView(String viewName) {
        return session.globalTempViews().drop(viewName);
    }

    // ---- functions ----

    /** The built-in functions and this session's temporary functions. */
    public Dataset<Function> listFunctions() {
        return listFunctions(DATABASE, "*");
    }

    public Dataset<Function> listFunctions(String dbName) {
        return listFunctions(dbName, "*");
    }

    /** The built-in and temporary functions whose names match {@code pattern}, by name. */
    public Dataset<Function> listFunctions(String dbName, String pattern) {
        requireDatabase(dbName);
        Predicate<String> like = NamePattern.compile(pattern).asMatchPredicate();
        java.util.SortedSet<String> names = new java.util.TreeSet<>(io.tideway.engine.expr.fn.FunctionRegistry.names());
        names.addAll(session.temporaryFunctions().names());
        List<Function> all = new java.util.ArrayList<>();
        for (String n : names) {
            if (like.test(n)) {
                all.add(function(n));
            }
        }
        return session.createDataset(all, CatalogEncoders.functions());
    }

    /** The temporary or built-in function {@code functionName}; {@code [UNRESOLVED_ROUTINE]} if neither. */
    public Function getFunction(String functionName) {
        if (!functionExists(functionName)) {
            throw unresolvedRoutine(ErrorParams.id(functionName));
        }
        return function(functionName.toLowerCase(Locale.ROOT));
    }

    /** A persistent function of {@code dbName}: Tideway has none, so {@code [UNRESOLVED_ROUTINE]}. */
    public Function getFunction(String dbName, String functionName) {
        throw unresolvedRoutine(ErrorParams.id(CATALOG) + "." + ErrorParams.id(dbName) + "." + ErrorParams.id(functionName));
    }

    /** Whether {@code functionName} is a temporary or built-in function (any case). */
    public boolean functionExists(String functionName) {
        return session.temporaryFunctions().names().contains(functionName.toLowerCase(Locale.ROOT))
                || io.tideway.engine.expr.fn.FunctionRegistry.names().contains(functionName.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code dbName} has the persistent function {@code functionName}: never (Tideway has none). */
    public boolean functionExists(String dbName, String functionName) {
        return false;
    }

    /**
     * A built-in or temporary function's row: Spark's {@code isTemporary} true, no catalog or
     * namespace; the description {@code N/A.} of a temporary function (Spark's for a UDF), null for
     * a built-in one, and the class name of the one that implements it.
     */
    private Function function(String name) {
        boolean temporary = session.temporaryFunctions().names().contains(name);
        return new Function(name, null, null, temporary ? "N/A." : null,
                temporary ? io.tideway.sql.expressions.UserDefinedFunction.class.getName()
                        : io.tideway.engine.expr.fn.FunctionRegistry.class.getName(), true);
    }

    private static RuntimeException unresolvedRoutine(String routine) {
        return Unchecked.raise(new AnalysisException("UNRESOLVED_ROUTINE",
                Map.of("routineName", routine, "searchPath", SEARCH_PATH)));
    }

    // ---- caching and refreshing ----

    /** Whether {@code tableName} is marked cached (see the class comment). */
    public boolean isCached(String tableName) {
        requireRelation(tableName);
        return session.tableCatalog().isCached(tableName);
    }

    /** Marks the table or view cached, as Spark's {@code cacheTable} (see the class comment). */
    public void cacheTable(String tableName) {
        requireRelation(tableName);
        session.tableCatalog().cached(tableName, true);
    }

    /** As {@link #cacheTable(String)}; the storage level is accepted and not used. */
    public void cacheTable(String tableName, io.tideway.storage.StorageLevel storageLevel) {
        cacheTable(tableName);
    }

    public void uncacheTable(String tableName) {
        requireRelation(tableName);
        session.tableCatalog().cached(tableName, false);
    }

    public void clearCache() {
        session.tableCatalog().clearCache();
    }

    /** Checks the table exists; its files are read afresh by every query, so there is nothing else to do. */
    public void refreshTable(String tableName) {
        requireRelation(tableName);
    }

    /** Nothing to do: Tideway keeps no data or file listing of a path between queries. */
    public void refreshByPath(String path) {
        // every read lists and reads the files again
    }

    /**
     * Checks {@code tableName} is a partitioned table, as Spark's {@code ALTER TABLE ... RECOVER
     * PARTITIONS}; its partition directories are then found by every read, so none need adding.
     */
    public void recoverPartitions(String tableName) {
        if (session.hasView(tableName)) {
            throw Unchecked.raise(new AnalysisException("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", Map.of(
                    "operation", "recoverPartitions()", "viewName", ErrorParams.id(tableName))));
        }
        TableCatalog.Table t = session.tableCatalog().require(tableName);
        if (t.layout().partitionColumns().isEmpty()) {
            throw Unchecked.raise(new AnalysisException("NOT_A_PARTITIONED_TABLE", Map.of(
                    "operation", "ALTER TABLE RECOVER PARTITIONS", "tableIdentWithDB", t.qualifiedName())));
        }
    }

    private void requireRelation(String tableName) {
        if (!tableExists(tableName)) {
            throw TableCatalog.notFound(tableName);
        }
    }
}
