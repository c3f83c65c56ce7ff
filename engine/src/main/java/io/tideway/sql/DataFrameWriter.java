package io.tideway.sql;

import io.tideway.engine.catalog.TableCatalog;
import io.tideway.engine.catalog.TableLayout;
import io.tideway.engine.conf.TidewayConf;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import io.tideway.engine.connector.Providers;
import io.tideway.engine.datasource.DataSourceErrors;
import io.tideway.engine.exec.BatchExecutor;
import io.tideway.engine.spi.BatchFileWrite;
import io.tideway.engine.spi.FileWriteProvider;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.TableWriteProvider;
import io.tideway.engine.util.FileTrees;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a batch Dataset once, mirroring Spark's {@code DataFrameWriter}
 * ({@code df.write().mode("append").json(path)}, what {@code foreachBatch} functions call): the
 * file formats ({@code json}, {@code csv}, {@code text}, {@code parquet}), with the streaming file sink's options
 * and output, files laid out as Spark writes them ({@link FileWriteProvider#openBatchWrite}) and readable by
 * {@code spark.read()} and by the streaming file source. The save mode decides what happens to an
 * existing path: {@code errorifexists} (the default) fails with {@code [PATH_ALREADY_EXISTS]},
 * {@code append} adds files, {@code overwrite} deletes the path first, {@code ignore} writes
 * nothing. {@link #saveAsTable} and {@link #insertInto} write the warehouse's tables
 * ({@link TableCatalog}). Not thread-safe (a builder); the write runs on the calling thread.
 */
public final class DataFrameWriter<T> {
    private final Dataset<T> ds;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String format;
    private SaveMode mode = SaveMode.ErrorIfExists;
    private List<String> partitionBy = List.of();
    private final WriterLayout layout = new WriterLayout();

    DataFrameWriter(Dataset<T> ds) {
        this.ds = ds;
    }

    /**
     * The output format: {@code json}, {@code csv}, {@code text}, {@code parquet}; without one,
     * {@code spark.sql.sources.default} ({@code parquet}).
     */
    public DataFrameWriter<T> format(String source) {
        this.format = source;
        return this;
    }

    /** What to do when the output exists; {@link SaveMode#ErrorIfExists} unless set. */
    public DataFrameWriter<T> mode(SaveMode saveMode) {
        this.mode = saveMode;
        return this;
    }

    /** {@code append}, {@code overwrite}, {@code ignore}, {@code error}, {@code errorifexists} or {@code default}, in any case. */
    public DataFrameWriter<T> mode(String saveMode) {
        this.mode = switch (saveMode.toLowerCase(Locale.ROOT)) {
            case "overwrite" -> SaveMode.Overwrite;
            case "append" -> SaveMode.Append;
            case "ignore" -> SaveMode.Ignore;
            case "error", "errorifexists", "default" -> SaveMode.ErrorIfExists;
            default -> throw DataSourceErrors.invalidSaveMode(saveMode);
        };
        return this;
    }

    /**
     * Sets a writer option ({@code header}, {@code sep}, {@code compression}, ...); names are
     * case-insensitive, as in Spark, and a later value replaces an earlier one.
     */
    public DataFrameWriter<T> option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** Sets a writer option to {@code true} or {@code false}. */
    public DataFrameWriter<T> option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** Sets a writer option to a number, as its decimal text. */
    public DataFrameWriter<T> option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /** Sets a writer option to a number, as its decimal text. */
    public DataFrameWriter<T> option(String key, double value) {
        return option(key, Double.toString(value));
    }

    /** Sets every option of {@code opts}, as {@link #option(String, String)} one by one. */
    public DataFrameWriter<T> options(Map<String, String> opts) {
        options.putAll(opts);
        return this;
    }

    /** Writes one {@code col=value/} directory per distinct value of these columns, which leave the files. */
    public DataFrameWriter<T> partitionBy(String... colNames) {
        this.partitionBy = Arrays.asList(colNames);
        layout.partitionBy();
        return this;
    }

    /**
     * Buckets the output by these columns, for {@link #saveAsTable} only (Tideway writes the table's
     * rows without the bucket layout; what reads them sees the same rows); every other write refuses
     * it, as Spark's {@code '<operation>' does not support bucketBy right now}.
     */
    public DataFrameWriter<T> bucketBy(int numBuckets, String colName, String... colNames) {
        layout.bucketBy(numBuckets);
        return this;
    }

    /** Sorts each bucket by these columns; only with {@link #bucketBy}, as in Spark. */
    public DataFrameWriter<T> sortBy(String colName, String... colNames) {
        List<String> cols = new ArrayList<>(List.of(colName));
        cols.addAll(Arrays.asList(colNames));
        layout.sortBy(cols);
        return this;
    }

    /**
     * Clusters the output by these columns (Spark 4's {@code clusterBy}): a hint for the storage
     * layout that Tideway's file formats accept and do not act on; refused together with
     * {@code partitionBy} or {@code bucketBy}, and by {@code jdbc}, in Spark's words.
     */
    public DataFrameWriter<T> clusterBy(String colName, String... colNames) {
        List<String> cols = new ArrayList<>(List.of(colName));
        cols.addAll(Arrays.asList(colNames));
        layout.clusterBy(cols);
        return this;
    }

    /**
     * Writes to the {@code path} option, or, for a format that writes tables rather than files
     * ({@code jdbc}: a {@link TableWriteProvider}), into the table its options name.
     */
    public void save() {
        layout.assertNotBucketed("save");
        String path = new Options(options).get("path").orElse(null);
        if (path == null) {
            if (Providers.sink(format()) instanceof TableWriteProvider table) {
                table.writeTable(ds.toDF().toLocalIterator(), ds.schema(), new Options(options), mode);
                return;
            }
            throw DataSourceErrors.expectedOnePath("");
        }
        write(path);
    }

    /**
     * Writes the Dataset into the directory {@code path}, in the format and save mode set, on the
     * calling thread. A {@code path} option set too is Spark's {@code AnalysisException}, unless
     * {@code spark.sql.legacy.pathOptionBehavior.enabled}, with which the parameter replaces it.
     */
    public void save(String path) {
        layout.assertNotBucketed("save");
        PathOptionCheck.refuseSave(options, ds.sparkSession());
        Map<String, String> without = new LinkedHashMap<>(options);
        without.keySet().removeIf(k -> k.equalsIgnoreCase("path"));
        options.clear();
        options.putAll(without);
        write(path);
    }

    /** Writes the Dataset as JSON files, a line per row, into the directory {@code path}. */
    public void json(String path) {
        format("json").save(path);
    }

    /**
     * Writes the Dataset as CSV files into the directory {@code path} (a header line only with the
     * {@code header} option).
     */
    public void csv(String path) {
        format("csv").save(path);
    }

    /**
     * Writes the Dataset's one string column as text files, a line per row; a column of another
     * type ({@code [UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE]}) or more than one column fails, in
     * Spark's words.
     */
    public void text(String path) {
        format("text").save(path);
    }

    /**
     * Writes the Dataset as XML files into the directory {@code path}: per file a {@code rootTag}
     * element ({@code ROWS}) of {@code rowTag} elements ({@code ROW}), one per row.
     */
    public void xml(String path) {
        format("xml").save(path);
    }

    /** Needs the {@code io.tideway:tideway-parquet} module on the class path. */
    public void parquet(String path) {
        format("parquet").save(path);
    }

    /**
     * Writes the Dataset into the table {@code table} of the database at {@code url} through JDBC,
     * the save mode deciding what an existing table means (module {@code tideway-jdbc}'s {@link TableWriteProvider});
     * {@code connectionProperties} (user, password, {@code batchsize}, {@code isolationLevel}, ...)
     * add to this writer's options. Refuses {@code partitionBy}, {@code bucketBy} and {@code clusterBy}, as Spark.
     */
    public void jdbc(String url, String table, java.util.Properties connectionProperties) {
        layout.assertNotPartitioned("jdbc");
        layout.assertNotBucketed("jdbc");
        layout.assertNotClustered("jdbc");
        for (String name : connectionProperties.stringPropertyNames()) {
            options.put(name, connectionProperties.getProperty(name));
        }
        options.put("url", url);
        options.put("dbtable", table);
        format("jdbc").save();
    }

    /**
     * Writes into the warehouse table {@code tableName} (Spark's {@code saveAsTable}): creates it
     * in {@code <warehouse>/<name>} in this writer's format ({@code spark.sql.sources.default},
     * Parquet, when none is given) if it does not exist; if it does, the save mode decides —
     * {@code errorifexists} fails with {@code [TABLE_OR_VIEW_ALREADY_EXISTS]}, {@code ignore}
     * writes nothing, {@code append} adds rows (columns matched by name), {@code overwrite}
     * replaces the table.
     */
    public void saveAsTable(String tableName) {
        TidewaySession session = ds.sparkSession();
        TableCatalog tables = session.tableCatalog();
        TableCatalog.Table existing = tables.get(tableName);
        if (existing != null) {
            switch (mode) {
                case ErrorIfExists -> throw Unchecked.raise(new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS",
                        Map.of("relationName", existing.qualifiedName())));
                case Ignore -> {
                    return;
                }
                case Append -> {
                    List<Column> byName = new ArrayList<>();
                    for (String c : existing.schema().fieldNames()) {
                        byName.add(ds.col(c));
                    }
                    write(existing.location(), existing.format(), SaveMode.Append, ds.select(byName.toArray(new Column[0])));
                    return;
                }
                default -> {
                    tables.drop(tableName);
                    FileTrees.delete(existing.location());
                }
            }
        }
        createTable(tableName, new TableLayout(partitionBy, List.of(), List.of(), null, false));
    }

    /** Writes the Dataset as the new managed table {@code tableName}, laid out as {@code layout} says. */
    void createTable(String tableName, TableLayout layout) {
        TableCatalog tables = ds.sparkSession().tableCatalog();
        // a new table's files join whatever an earlier application left at its location, as in Spark
        Path location = tables.defaultLocation(tableName);
        String fmt = format();
        write(location, fmt, SaveMode.Append, ds);
        tables.create(new TableCatalog.Table(tableName, location, fmt, TableCatalog.nullable(ds.schema()), layout));
    }

    /**
     * Adds this Dataset's rows to the existing warehouse table {@code tableName} (Spark's
     * {@code insertInto}): columns by position, each cast to the table column's type; with
     * {@code mode("overwrite")} the table's rows are replaced.
     */
    public void insertInto(String tableName) {
        layout.assertNotBucketed("insertInto");
        layout.assertNotPartitionedForInsertInto();
        TableCatalog.Table table = ds.sparkSession().tableCatalog().require(tableName);
        StructType target = table.schema();
        String[] data = ds.columns();
        if (data.length != target.length()) {
            throw Unchecked.raise(new AnalysisException("INSERT_COLUMN_ARITY_MISMATCH."
                    + (data.length > target.length() ? "TOO_MANY_DATA_COLUMNS" : "NOT_ENOUGH_DATA_COLUMNS"), Map.of(
                    "tableName", table.qualifiedName(),
                    "tableColumns", String.join(", ", Arrays.stream(target.fieldNames()).map(ErrorParams::id).toList()),
                    "dataColumns", String.join(", ", Arrays.stream(data).map(ErrorParams::id).toList()))));
        }
        Column[] cast = new Column[data.length];
        for (int i = 0; i < data.length; i++) {
            StructField f = target.apply(i);
            cast[i] = new Column(new io.tideway.engine.expr.BoundReference(i, ds.schema().apply(i).dataType(),
                    ds.schema().apply(i).nullable(), data[i])).cast(f.dataType()).as(f.name());
        }
        if (mode == SaveMode.Overwrite) {
            FileTrees.delete(table.location());
        }
        write(table.location(), table.format(), SaveMode.Append, ds.select(cast));
    }

    private String format() {
        return format == null ? TidewayConf.SOURCES_DEFAULT.get(ds.sparkSession().conf()) : format;
    }

    private void write(String path) {
        Path dir = Path.of(path.replaceFirst("^file:(//)?", "")).toAbsolutePath().normalize();
        write(dir, format(), mode, ds);
    }

    /** Writes {@code data} in {@code fmt} into {@code dir}, {@code saveMode} deciding what an existing {@code dir} means. */
    private void write(Path dir, String fmt, SaveMode saveMode, Dataset<?> data) {
        TidewaySession session = ds.sparkSession();
        SinkProvider provider = Providers.sink(fmt);
        if (!(provider instanceof FileWriteProvider files)) {
            throw DataSourceErrors.notABatchSource(fmt);
        }
        if (Files.exists(dir)) {
            switch (saveMode) {
                case ErrorIfExists -> throw DataSourceErrors.pathAlreadyExists("file:" + dir);
                case Ignore -> {
                    return;
                }
                case Overwrite -> FileTrees.delete(dir);
                default -> {
                }
            }
        }
        ZoneId zone = java.util.Objects.requireNonNullElseGet(TidewayConf.SESSION_TIME_ZONE.get(session.conf()), ZoneId::systemDefault);
        BatchFileWrite writer = files.openBatchWrite(dir, data.schema(), new Options(options),
                new ArrayList<>(partitionBy), zone, session.conf().getAll());
        try {
            BatchExecutor.materialize(data.logicalPlan(), data.evalContext(), writer);
        } catch (RuntimeException | Error e) {
            writer.abort();
            throw e;
        }
        writer.commit();
    }
}
