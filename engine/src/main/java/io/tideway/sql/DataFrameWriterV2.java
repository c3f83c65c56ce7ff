package io.tideway.sql;

import io.tideway.SparkUnsupportedOperationException;
import io.tideway.engine.catalog.TableCatalog;
import io.tideway.engine.catalog.TableLayout;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.PartitionTransform;
import io.tideway.engine.expr.UnresolvedAttribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch Dataset to a catalog table, mirroring Spark's {@code DataFrameWriterV2}
 * ({@code df.writeTo("t").using("json").partitionedBy(col("p")).create()}), over the session
 * catalog's warehouse tables ({@link TableCatalog}). As Spark's default session catalog does, it
 * creates tables ({@link #create()}: in the {@link #using} format, partitioned by columns, with
 * {@code bucket} and {@code clusterBy} recorded) and refuses what that catalog's v1 tables cannot
 * do: {@link #append()}, {@link #overwrite} and {@link #overwritePartitions()} fail with
 * {@code Cannot write into v1 table}, {@link #replace()} and {@link #createOrReplace()} with
 * {@code [UNSUPPORTED_FEATURE.TABLE_OPERATION]}; {@code years}/{@code months}/{@code days}/{@code hours}
 * partitions with {@code [UNSUPPORTED_PARTITION_TRANSFORM]}. Not thread-safe (a builder); the write
 * runs on the calling thread.
 */
public final class DataFrameWriterV2<T> {
    private final Dataset<T> ds;
    private final String table;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private String provider;
    private List<Column> partitioning = List.of();
    private List<String> clustering = List.of();

    DataFrameWriterV2(Dataset<T> ds, String table) {
        this.ds = ds;
        this.table = table;
    }

    /** The format of a table {@link #create()} makes; {@code spark.sql.sources.default} unless set. */
    public DataFrameWriterV2<T> using(String provider) {
        this.provider = provider;
        return this;
    }

    /** A write option, passed to the format's writer as {@code DataFrameWriter.option} is. */
    public DataFrameWriterV2<T> option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** A write option set to {@code true} or {@code false}. */
    public DataFrameWriterV2<T> option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** A write option set to a number, as its decimal text. */
    public DataFrameWriterV2<T> option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /** A write option set to a number, as its decimal text. */
    public DataFrameWriterV2<T> option(String key, double value) {
        return option(key, Double.toString(value));
    }

    /** Every option of {@code opts}, as {@link #option(String, String)} one by one. */
    public DataFrameWriterV2<T> options(Map<String, String> opts) {
        options.putAll(opts);
        return this;
    }

    /** A property of the table {@link #create()} makes: accepted, not kept (Tideway's catalog has no table properties). */
    public DataFrameWriterV2<T> tableProperty(String property, String value) {
        properties.put(property, value);
        return this;
    }

    /**
     * The new table's partitioning: columns ({@code col("p")}, a {@code col=value/} directory each)
     * or {@code functions.bucket(n, col)}; {@code years/months/days/hours} fail at {@link #create()}
     * as in Spark's session catalog.
     */
    public DataFrameWriterV2<T> partitionedBy(Column column, Column... columns) {
        List<Column> all = new ArrayList<>();
        all.add(column);
        all.addAll(Arrays.asList(columns));
        this.partitioning = all;
        return this;
    }

    /** The new table's clustering columns (recorded in the catalog; the files are written as they come). */
    public DataFrameWriterV2<T> clusterBy(String colName, String... colNames) {
        List<String> all = new ArrayList<>();
        all.add(colName);
        all.addAll(Arrays.asList(colNames));
        this.clustering = all;
        return this;
    }

    /** Creates the table from this Dataset; {@code [TABLE_OR_VIEW_ALREADY_EXISTS]} if there is one. */
    public void create() {
        TableLayout layout = layout();
        TableCatalog tables = ds.sparkSession().tableCatalog();
        if (tables.get(table) != null) {
            throw Unchecked.raise(new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS",
                    Map.of("relationName", "`spark_catalog`.`default`." + ErrorParams.id(table))));
        }
        DataFrameWriter<T> writer = ds.write().options(options).partitionBy(layout.partitionColumns().toArray(new String[0]));
        if (provider != null) {
            io.tideway.engine.connector.Providers.source(provider); // an unknown format fails as Spark's lookup: SparkClassNotFoundException
            writer.format(provider);
        }
        writer.createTable(table, layout);
    }

    /** Spark's session catalog cannot replace a v1 table: {@code [UNSUPPORTED_FEATURE.TABLE_OPERATION]}. */
    public void replace() {
        throw replaceUnsupported();
    }

    /** As {@link #replace()}: Spark's session catalog refuses it, whether the table exists or not. */
    public void createOrReplace() {
        throw replaceUnsupported();
    }

    /** Spark's session catalog refuses appends through {@code writeTo} to its v1 tables (use {@code write().insertInto}). */
    public void append() {
        throw v1WriteRefused();
    }

    /** Refused as {@link #append()} is, after the table is found. */
    public void overwrite(Column condition) {
        throw v1WriteRefused();
    }

    /** Refused as {@link #append()} is, after the table is found. */
    public void overwritePartitions() {
        throw v1WriteRefused();
    }

    private RuntimeException replaceUnsupported() {
        return Unchecked.raise(new AnalysisException("UNSUPPORTED_FEATURE.TABLE_OPERATION", Map.of(
                "tableName", "`spark_catalog`.`default`." + ErrorParams.id(table),
                "operation", "REPLACE TABLE AS SELECT")));
    }

    private RuntimeException v1WriteRefused() {
        TidewaySession session = ds.sparkSession();
        if (session.hasView(table)) {
            return Unchecked.raise(new AnalysisException("Cannot write into temp view " + table
                    + " as it's not a data source v2 relation."));
        }
        TableCatalog.Table t = session.tableCatalog().get(table);
        if (t == null) {
            return Unchecked.raise(new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName", ErrorParams.id(table))));
        }
        return Unchecked.raise(new AnalysisException("Cannot write into v1 table: " + t.qualifiedName() + "."));
    }

    /** The partitioning and clustering as the session catalog records them, checked as Spark checks them. */
    private TableLayout layout() {
        List<String> partitions = new ArrayList<>();
        List<String> buckets = new ArrayList<>();
        for (Column c : partitioning) {
            Expression e = c.expr();
            if (e instanceof UnresolvedAttribute) {
                partitions.add(e.sql());
            } else if (e instanceof PartitionTransform t && t.name().equals("bucket")) {
                for (Expression arg : t.children().subList(1, t.children().size())) {
                    buckets.add(arg.sql());
                }
            } else {
                throw Unchecked.raise(new SparkUnsupportedOperationException("UNSUPPORTED_PARTITION_TRANSFORM",
                        Map.of("transform", "`" + e.sql() + "`")));
            }
        }
        if (!clustering.isEmpty() && !partitioning.isEmpty()) {
            throw Unchecked.raise(new AnalysisException("SPECIFY_CLUSTER_BY_WITH_PARTITIONED_BY_IS_NOT_ALLOWED", Map.of()));
        }
        for (String c : clustering) {
            if (!Arrays.asList(ds.columns()).contains(c)) {
                throw Unchecked.raise(new AnalysisException("Couldn't find column " + c + " in:\n" + ds.schema().treeString()));
            }
        }
        return new TableLayout(partitions, buckets, clustering, null, false);
    }
}
