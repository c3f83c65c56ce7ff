package io.tideway.sql;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.engine.connector.Providers;
import io.tideway.engine.plan.DataSourceRelation;
import io.tideway.engine.spi.BatchScan;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.PredicateScanProvider;
import io.tideway.engine.spi.StringRecordsProvider;
import io.tideway.sql.catalyst.parser.ParseException;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a data source once, as a batch DataFrame, mirroring Spark's {@code DataFrameReader}
 * ({@code spark.read().option("header", true).csv(path)}). The file formats {@code text},
 * {@code csv} and {@code json} are read by the streaming file source's readers, with its options,
 * parse modes, partition discovery and globs; the schema is the user's, or inferred where Spark
 * infers one (JSON always, CSV with {@code inferSchema}; text is {@code value string}). As in
 * Spark, {@code load()} checks the paths, lists the files and infers the schema; the rows are read
 * when an action runs. Not thread-safe (a builder).
 */
public final class DataFrameReader {
    private final TidewaySession session;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String format;
    private StructType userSchema;

    DataFrameReader(TidewaySession session) {
        this.session = session;
    }

    /**
     * The source by name: {@code csv}, {@code json}, {@code text}, {@code parquet}; without one,
     * {@code spark.sql.sources.default} ({@code parquet}). An unknown name fails at {@code load()}
     * with Spark's {@code [DATA_SOURCE_NOT_FOUND]}.
     */
    public DataFrameReader format(String source) {
        this.format = source;
        return this;
    }

    /**
     * The schema to read with, instead of inferring one; the file sources make every column
     * nullable, as Spark's do.
     */
    public DataFrameReader schema(StructType schema) {
        this.userSchema = io.tideway.engine.expr.CharVarcharTypes.failIfHasCharVarchar(schema);
        return this;
    }

    /** A DDL schema such as {@code "name STRING, age INT"}; text that cannot be read is Spark's {@link ParseException}. */
    public DataFrameReader schema(String ddl) {
        return schema(StructType.fromDDL(ddl));
    }

    /**
     * Sets a source option ({@code header}, {@code inferSchema}, {@code sep}, {@code multiLine},
     * {@code mode}, ...); names are case-insensitive, as in Spark, and a later value replaces an
     * earlier one.
     */
    public DataFrameReader option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** Sets a source option to {@code true} or {@code false}. */
    public DataFrameReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** Sets a source option to a number, as its decimal text. */
    public DataFrameReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /** Sets a source option to a number, as its decimal text. */
    public DataFrameReader option(String key, double value) {
        return option(key, Double.toString(value));
    }

    /** Sets every option of {@code opts}, as {@link #option(String, String)} one by one. */
    public DataFrameReader options(Map<String, String> opts) {
        options.putAll(opts);
        return this;
    }

    /** Reads the source with its {@code path} option, if any. */
    public Dataset<Row> load() {
        Options opts = new Options(options);
        List<String> paths = opts.get("path").map(List::of).orElse(List.of());
        return load(paths, opts);
    }

    /**
     * Reads the files at {@code path} (a directory, a file or a glob). A {@code path} option set
     * too is refused, as for {@link #load(String...)}; with
     * {@code spark.sql.legacy.pathOptionBehavior.enabled} the parameter replaces it, as in Spark.
     */
    public Dataset<Row> load(String path) {
        if (PathOptionCheck.legacy(session)) {
            options.keySet().removeIf(k -> k.equalsIgnoreCase("path"));
            options.put("path", path);
            return load();
        }
        return load(new String[]{path});
    }

    /**
     * Reads the files under every one of {@code paths}, as one DataFrame. A {@code path} (or
     * {@code paths}) option set too is Spark's {@code AnalysisException} unless
     * {@code spark.sql.legacy.pathOptionBehavior.enabled}, which reads the option's path first,
     * then the parameters.
     */
    public Dataset<Row> load(String... paths) {
        if (paths.length == 0) {
            return load();
        }
        PathOptionCheck.refuseLoad(options, session);
        List<String> all = new ArrayList<>();
        String pathOption = PathOptionCheck.option(options, "path");
        if (pathOption != null) {
            all.add(pathOption); // legacy only: the check above refused it otherwise
        }
        all.addAll(Arrays.asList(paths));
        Map<String, String> without = new LinkedHashMap<>(options);
        without.keySet().removeIf(k -> k.equalsIgnoreCase("path"));
        return load(all, new Options(without));
    }

    private Dataset<Row> load(List<String> paths, Options opts) {
        String fmt = format == null ? TidewayConf.SOURCES_DEFAULT.get(session.conf()) : format;
        SourceProvider provider = Providers.source(fmt);
        BatchScan scan = provider.createBatchScan(userSchema, new ArrayList<>(paths), opts, session.conf().getAll());
        return Dataset.ofRows(session, new DataSourceRelation(scan, provider.shortName()));
    }

    /**
     * Reads CSV files (directories, files or globs); the columns are {@code _c0}, {@code _c1}, ...
     * strings unless the {@code header} and {@code inferSchema} options or a schema say otherwise.
     */
    public Dataset<Row> csv(String... paths) {
        return format("csv").load(paths);
    }

    /**
     * Reads JSON files, a record per line (or per file with {@code multiLine}); the schema is
     * inferred from the records unless one is given.
     */
    public Dataset<Row> json(String... paths) {
        return format("json").load(paths);
    }

    /**
     * Parses each string of {@code jsonDataset} as a JSON record, with this reader's options and
     * schema (inferred from the strings without one), as {@link #json(String...)} parses a line.
     */
    public Dataset<Row> json(Dataset<String> jsonDataset) {
        return ofStrings(jsonDataset, "json");
    }

    /**
     * Parses each string of {@code csvDataset} as a CSV line, with this reader's options and schema;
     * with {@code header} the first string names the columns and every string equal to it is skipped.
     */
    public Dataset<Row> csv(Dataset<String> csvDataset) {
        return ofStrings(csvDataset, "csv");
    }

    private Dataset<Row> ofStrings(Dataset<String> strings, String fmt) {
        List<String> records = strings.collectAsList();
        Options opts = new Options(options);
        Map<String, String> conf = session.conf().getAll();
        if (!(Providers.source(fmt) instanceof StringRecordsProvider provider)) {
            throw new IllegalStateException("The " + fmt + " source found through META-INF/services/"
                    + SourceProvider.class.getName() + " does not parse strings");
        }
        BatchScan scan = provider.scanStrings(records, userSchema, opts, conf);
        return Dataset.ofRows(session, new DataSourceRelation(scan, fmt));
    }

    /**
     * Reads XML files: each {@code rowTag} element (the option is required) is a row, its
     * attributes and children the columns; the schema is inferred unless one is given.
     */
    public Dataset<Row> xml(String... paths) {
        return format("xml").load(paths);
    }

    /** Parses each string of {@code xmlDataset} for its {@code rowTag} elements, as {@link #xml(String...)} reads a file. */
    public Dataset<Row> xml(Dataset<String> xmlDataset) {
        return ofStrings(xmlDataset, "xml");
    }

    /** Reads text files, a row per line in one {@code value} string column. */
    public Dataset<Row> text(String... paths) {
        return format("text").load(paths);
    }

    /** Needs the {@code io.tideway:tideway-parquet} module on the class path. */
    public Dataset<Row> parquet(String... paths) {
        return format("parquet").load(paths);
    }

    /** The lines of text files as strings (the column {@code value}); a user schema is refused, as in Spark. */
    public Dataset<String> textFile(String... paths) {
        if (userSchema != null) {
            throw io.tideway.engine.datasource.DataSourceErrors.userSchemaUnsupported("textFile");
        }
        return text(paths).select("value").as(Encoders.STRING());
    }

    /**
     * Reads the table {@code table} (or a parenthesized, aliased query) of the database at
     * {@code url} through JDBC, in one partition; {@code properties} (user, password, any driver
     * property, or this source's options) add to this reader's options.
     */
    public Dataset<Row> jdbc(String url, String table, java.util.Properties properties) {
        options.putAll(propertyMap(properties));
        options.put("url", url);
        options.put("dbtable", table);
        return format("jdbc").load();
    }

    /**
     * Reads a JDBC table in {@code numPartitions} partitions, strides of {@code columnName} between
     * {@code lowerBound} and {@code upperBound} (which decide the strides, not which rows are read).
     */
    public Dataset<Row> jdbc(String url, String table, String columnName, long lowerBound, long upperBound,
                             int numPartitions, java.util.Properties connectionProperties) {
        options.put("partitionColumn", columnName);
        options.put("lowerBound", Long.toString(lowerBound));
        options.put("upperBound", Long.toString(upperBound));
        options.put("numPartitions", Integer.toString(numPartitions));
        return jdbc(url, table, connectionProperties);
    }

    /** Reads a JDBC table in one partition per predicate, each the WHERE clause of its partition's query. */
    public Dataset<Row> jdbc(String url, String table, String[] predicates, java.util.Properties connectionProperties) {
        options.putAll(propertyMap(connectionProperties));
        options.put("url", url);
        options.put("dbtable", table);
        if (!(Providers.source("jdbc") instanceof PredicateScanProvider provider)) {
            throw new IllegalStateException("The jdbc source found through META-INF/services/"
                    + SourceProvider.class.getName() + " does not split reads by predicates");
        }
        BatchScan scan = provider.scanPredicates(userSchema, new Options(options), Arrays.asList(predicates));
        return Dataset.ofRows(session, new DataSourceRelation(scan, "jdbc"));
    }

    private static Map<String, String> propertyMap(java.util.Properties properties) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            out.put(name, properties.getProperty(name));
        }
        return out;
    }

    /** A temporary view, as {@code spark.table(name)}. */
    public Dataset<Row> table(String tableName) {
        return session.table(tableName);
    }
}
