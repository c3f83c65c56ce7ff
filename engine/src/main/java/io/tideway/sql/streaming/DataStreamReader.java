package io.tideway.sql.streaming;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.engine.connector.Providers;
import io.tideway.engine.plan.StreamingRelation;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.catalyst.parser.ParseException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Describes a streaming source, mirroring Spark's {@code DataStreamReader}:
 * {@code readStream().format("socket").option("host", ...).load()}. Not thread-safe (a builder).
 */
public final class DataStreamReader {
    private final TidewaySession session;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String format;
    private StructType userSchema;

    /**
     * A reader for {@code session}; applications get one from {@code TidewaySession.readStream()}.
     */
    public DataStreamReader(TidewaySession session) {
        this.session = session;
    }

    /**
     * The source by name: {@code rate}, {@code rate-micro-batch}, {@code socket}, {@code text},
     * {@code csv}, {@code json}, {@code parquet}, {@code kafka}, {@code chronicle}, ... Checked at
     * {@link #load()}: an unknown name fails there with Spark's {@code [DATA_SOURCE_NOT_FOUND]}.
     */
    public DataStreamReader format(String source) {
        this.format = source;
        return this;
    }

    /**
     * The source's schema. Every column becomes nullable, as Spark's file sources force with
     * {@code spark.sql.streaming.fileSource.schema.forceNullable} (default true): a file can hold
     * anything, and only file sources accept a schema.
     */
    public DataStreamReader schema(StructType schema) {
        this.userSchema = (StructType) asNullable(io.tideway.engine.expr.CharVarcharTypes.failIfHasCharVarchar(schema));
        return this;
    }

    /**
     * A DDL schema string such as {@code "name STRING, age INT"}; one that cannot be read is
     * Spark's {@link ParseException}, raised by {@code StructType.fromDDL} as Spark's is.
     */
    public DataStreamReader schema(String ddl) {
        return schema(StructType.fromDDL(ddl));
    }

    /** Spark's {@code DataType.asNullable}: nullable at every level. */
    private static DataType asNullable(DataType t) {
        if (t instanceof StructType st) {
            StructType out = new StructType();
            for (StructField f : st.fields()) {
                out = out.add(new StructField(f.name(), asNullable(f.dataType()), true, f.metadata()));
            }
            return out;
        }
        if (t instanceof ArrayType at) {
            return new ArrayType(asNullable(at.elementType()), true);
        }
        return t;
    }

    /**
     * Sets a source option; names are case-insensitive, as in Spark, and a later value replaces an
     * earlier one. Values are checked at {@link #load()} or when the query starts, by the source.
     */
    public DataStreamReader option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** Sets a source option to a number, as its decimal text. */
    public DataStreamReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /** Sets a source option to a number, as its decimal text. */
    public DataStreamReader option(String key, double value) {
        return option(key, Double.toString(value));
    }

    /** Sets a source option to {@code true} or {@code false}. */
    public DataStreamReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** Sets every option of {@code opts}, as {@link #option(String, String)} one by one. */
    public DataStreamReader options(Map<String, String> opts) {
        options.putAll(opts);
        return this;
    }

    /**
     * The streaming DataFrame of the source: the format given (else
     * {@code spark.sql.sources.default}, {@code parquet}), its options and schema. Nothing is read
     * until a query over it starts. A source that needs a schema and has none fails here in Spark's
     * words, as does a bad path.
     */
    public Dataset<Row> load() {
        String fmt = format == null ? TidewayConf.SOURCES_DEFAULT.get(session.conf()) : format;
        SourceProvider provider = Providers.source(fmt);
        Options opts = new Options(options);
        StructType schema = provider.schema(userSchema, opts, session.conf().getAll());
        return Dataset.ofRows(session, new StreamingRelation(provider, fmt, opts, schema));
    }

    /**
     * As {@link #load()} with the {@code path} option set to {@code path}. With a {@code path}
     * option already set it fails, as Spark does, with {@code AnalysisException} (unless
     * {@code spark.sql.legacy.pathOptionBehavior.enabled} is true, when the parameter wins).
     */
    public Dataset<Row> load(String path) {
        PathParameter.refuseIfPathOptionSet(options, "load", session);
        options.put("path", path);
        return load();
    }

    /** A stream of the rows written into the warehouse table {@code tableName}, read from its files as they arrive. */
    public Dataset<Row> table(String tableName) {
        io.tideway.engine.catalog.TableCatalog.Table t = session.tableCatalog().require(tableName);
        return format(t.format()).schema(t.schema()).load(t.location().toString());
    }

    /**
     * New text files in the directory {@code path}, one row per line in a {@code value} string
     * column.
     */
    public Dataset<Row> text(String path) {
        return format("text").load(path);
    }

    /**
     * New CSV files in the directory {@code path}; give a schema, unless
     * {@code spark.sql.streaming.schemaInference} is true.
     */
    public Dataset<Row> csv(String path) {
        return format("csv").load(path);
    }

    /**
     * New JSON files in the directory {@code path}; give a schema, unless
     * {@code spark.sql.streaming.schemaInference} is true.
     */
    public Dataset<Row> json(String path) {
        return format("json").load(path);
    }

    /**
     * The lines of the text files arriving at {@code path} as strings (the column {@code value}); a
     * user schema is refused, as in Spark.
     */
    public Dataset<String> textFile(String path) {
        if (userSchema != null) {
            throw io.tideway.engine.datasource.DataSourceErrors.userSchemaUnsupported("textFile");
        }
        return text(path).select("value").as(io.tideway.sql.Encoders.STRING());
    }

    /** The {@code rowTag} elements of XML files arriving at {@code path}; needs a schema, as in Spark. */
    public Dataset<Row> xml(String path) {
        return format("xml").load(path);
    }

    /** Needs the {@code io.tideway:tideway-parquet} module on the class path. */
    public Dataset<Row> parquet(String path) {
        return format("parquet").load(path);
    }
}
