package io.tideway.sql;

import io.tideway.engine.catalog.TableCatalog;
import io.tideway.engine.conf.DefaultSettings;
import io.tideway.engine.conf.TidewayConf;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.encoders.ObjectRows;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.logging.LogLevels;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.query.QueryRegistry;
import io.tideway.engine.sql.SqlQueryTranslator;
import io.tideway.sql.streaming.DataStreamReader;
import io.tideway.sql.streaming.StreamingQueryManager;
import io.tideway.sql.types.StructType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The entry point, mirroring Spark's {@code SparkSession}: settings, stream readers, the query
 * manager and temporary views. Thread-safe. A Spark program ports by replacing
 * {@code SparkSession} with {@code TidewaySession}; {@code master(...)} and {@code appName(...)}
 * are accepted.
 */
public final class TidewaySession implements AutoCloseable {
    /** The builder's settings, which {@link #newSession()} starts from (Spark's shared SparkConf). */
    private final Map<String, String> initialSettings;
    private final RuntimeConfig conf;
    private final QueryRegistry queries = new QueryRegistry();
    private final StreamingQueryManager streams = new StreamingQueryManager(queries);
    private final Map<String, Supplier<LogicalPlan>> views = new ConcurrentHashMap<>();
    /** The application's tables, shared with the sessions {@link #newSession()} makes (Spark's shared state). */
    private final TableCatalog tables;
    /** This session's temporary functions ({@link #udf()}); a new session starts without any, as Spark's. */
    private final io.tideway.engine.expr.fn.TemporaryFunctions functions = new io.tideway.engine.expr.fn.TemporaryFunctions();
    /** The application's global temporary views, shared as {@link #tables} is. */
    private final io.tideway.engine.catalog.GlobalTempViews globalViews;
    private final io.tideway.SparkContext sparkContext = new io.tideway.SparkContext(this);
    /** The Spark release Tideway mirrors (its API, messages and outputs), returned by {@link #version()}. */

    /** Set by {@link #stop()}: a stopped session is no longer anyone's active or default session. */
    private volatile boolean stopped;

    /** The status page ({@code spark.ui.enabled}) of a session made by {@code getOrCreate()}, or null; stopped by {@link #stop()}. */
    private volatile io.tideway.engine.ui.StatusServer statusPage;

    private TidewaySession(Map<String, String> settings, TableCatalog tables,
                           io.tideway.engine.catalog.GlobalTempViews globalViews) {
        this.initialSettings = Map.copyOf(settings);
        this.conf = new RuntimeConfig(settings);
        this.tables = tables;
        this.globalViews = globalViews;
    }

    /** The status page's address, when {@code spark.ui.enabled} started one. */
    public java.util.Optional<String> statusPageUrl() {
        io.tideway.engine.ui.StatusServer page = statusPage;
        return page == null ? java.util.Optional.empty() : java.util.Optional.of(page.url());
    }

    /**
     * A session with its own settings, temporary views and query manager, started from the
     * builder's settings, as Spark's {@code newSession()}: changes made through {@link #conf()} on
     * this session are not seen by the new one.
     */
    public TidewaySession newSession() {
        return new TidewaySession(initialSettings, tables, globalViews);
    }

    /** A builder for the session: {@code TidewaySession.builder().appName("x").getOrCreate()}. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- the active and default sessions (ActiveSessions), as Spark's static methods ----

    /** The calling thread's active session, else the default one; Spark's {@code IllegalStateException} if neither. */
    public static TidewaySession active() {
        TidewaySession s = ActiveSessions.current();
        if (s == null) {
            throw new IllegalStateException("No active or default Spark session found");
        }
        return s;
    }

    /** The calling thread's active session, if it has one (Spark's {@code scala.Option}). */
    public static scala.Option<TidewaySession> getActiveSession() {
        return scala.Option.apply(ActiveSessions.active());
    }

    /** The default session, if there is one (Spark's {@code scala.Option}). */
    public static scala.Option<TidewaySession> getDefaultSession() {
        return scala.Option.apply(ActiveSessions.defaultSession());
    }

    /** Makes {@code session} the calling thread's active session (and that of threads it starts). */
    public static void setActiveSession(TidewaySession session) {
        ActiveSessions.setActive(session);
    }

    /** The calling thread has no active session after this; {@code getOrCreate()} then returns the default. */
    public static void clearActiveSession() {
        ActiveSessions.setActive(null);
    }

    /** Makes {@code session} the default session, which {@code getOrCreate()} returns when a thread has no active one. */
    public static void setDefaultSession(TidewaySession session) {
        ActiveSessions.setDefault(session);
    }

    /** There is no default session after this; {@code getOrCreate()} then builds a new one. */
    public static void clearDefaultSession() {
        ActiveSessions.setDefault(null);
    }

    /** Whether {@link #stop()} was called. */
    boolean isStopped() {
        return stopped;
    }

    // ---- end of the active and default sessions ----

    /** The session's settings, which can be read and changed while it runs. */
    public RuntimeConfig conf() {
        return conf;
    }

    /**
     * The Spark version whose Java API and behaviour this Tideway follows: {@code "4.0.4"}, what
     * Spark's {@code version()} prints, so that a ported program prints the same line.
     */
    public String version() {
        return io.tideway.engine.SparkRelease.VERSION;
    }

    /** Spark's {@code sparkContext()}: {@code setLogLevel}, the version, the application name and master. */
    public io.tideway.SparkContext sparkContext() {
        return sparkContext;
    }

    /** Reads files (or another batch source) once, as a batch DataFrame: Spark's {@code read()}. */
    public DataFrameReader read() {
        return new DataFrameReader(this);
    }

    /** Spark 4's table-valued functions as Datasets: {@code tvf().range(10)}, {@code tvf().explode(array(...))}. */
    public TableValuedFunction tvf() {
        return new TableValuedFunction(this);
    }

    /** A reader for a streaming source: {@code readStream().format("rate").load()}. */
    public DataStreamReader readStream() {
        return new DataStreamReader(this);
    }

    /** The manager of this session's streaming queries and listeners. */
    public StreamingQueryManager streams() {
        return streams;
    }

    /** Engine-internal: the registry behind {@link #streams()}. */
    public QueryRegistry queryRegistry() {
        return queries;
    }

    /**
     * A temporary view (such as a memory sink's table) as a batch DataFrame of its current rows, or
     * else a table of the warehouse, read from its files.
     */
    public Dataset<Row> table(String name) {
        Supplier<LogicalPlan> view = views.get(name.toLowerCase(Locale.ROOT));
        if (view != null) {
            return Dataset.ofRows(this, view.get());
        }
        String global = io.tideway.engine.catalog.GlobalTempViews.viewName(name);
        if (global != null) {
            LogicalPlan p = globalViews.get(global);
            if (p == null) {
                throw io.tideway.engine.error.Unchecked.raise(new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", Map.of("relationName",
                        io.tideway.engine.error.ErrorParams.id(io.tideway.engine.catalog.GlobalTempViews.DATABASE)
                                + "." + io.tideway.engine.error.ErrorParams.id(global))));
            }
            return Dataset.ofRows(this, p);
        }
        TableCatalog.Table t = tables.require(name);
        return read().format(t.format()).schema(t.schema()).load(t.location().toString());
    }

    /** Spark's {@code catalog()}: the session's tables and temporary views. */
    public io.tideway.sql.catalog.Catalog catalog() {
        return new io.tideway.sql.catalog.Catalog(this);
    }

    /** Engine-internal: the application's tables. */
    public TableCatalog tableCatalog() {
        return tables;
    }

    /** Engine-internal: the application's global temporary views ({@code global_temp.<name>}). */
    public io.tideway.engine.catalog.GlobalTempViews globalTempViews() {
        return globalViews;
    }

    /** Engine-internal: whether a temporary view called {@code name} exists. */
    public boolean hasView(String name) {
        return views.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Registers user-defined functions for SQL text and {@code call_function}: Spark's {@code udf()}. */
    public UDFRegistration udf() {
        return new UDFRegistration(functions);
    }

    /** Engine-internal: this session's temporary functions, which its Datasets' threads resolve names against. */
    public io.tideway.engine.expr.fn.TemporaryFunctions temporaryFunctions() {
        return functions;
    }

    /** Runs a SQL query over temporary views (SELECT, WHERE, GROUP BY, ORDER BY over one view). */
    public Dataset<Row> sql(String sqlText) {
        return sql(sqlText, (Map<String, Object>) null);
    }

    /**
     * As {@link #sql(String)}, binding each named marker {@code :name} to the literal of
     * {@code args.get(name)} ({@link io.tideway.engine.sql.SqlParameters}); a marker without an
     * argument fails with Spark's {@code [UNBOUND_SQL_PARAMETER]}.
     */
    public Dataset<Row> sql(String sqlText, Map<String, Object> args) {
        io.tideway.engine.expr.fn.TemporaryFunctions.activate(functions);
        return SqlQueryTranslator.translate(this, io.tideway.engine.sql.SqlParameters.bind(sqlText, args, null));
    }

    /**
     * As {@link #sql(String)}, binding the positional markers {@code ?} in order to the literals of
     * {@code args}, an {@code Object[]} (Spark's {@code Array[_]}).
     */
    public Dataset<Row> sql(String sqlText, Object args) {
        if (!(args instanceof Object[] values)) {
            throw new IllegalArgumentException("sql(String, Object) takes an array of arguments, not " + args);
        }
        io.tideway.engine.expr.fn.TemporaryFunctions.activate(functions);
        return SqlQueryTranslator.translate(this, io.tideway.engine.sql.SqlParameters.bind(sqlText, null, values));
    }

    /** Engine-internal: the names of this session's temporary views (lower case, as Spark's catalog lists them), sorted. */
    public java.util.List<String> viewNames() {
        return views.keySet().stream().sorted().toList();
    }

    /** Engine-internal: registers a view whose rows are produced when it is read. */
    public void registerView(String name, Supplier<LogicalPlan> plan) {
        views.put(name.toLowerCase(Locale.ROOT), plan);
    }

    /**
     * Drops the temporary view {@code name} (any case), if there is one. Tideway's own: Spark's
     * way, {@code catalog().dropTempView(name)}, works too.
     */
    public void dropView(String name) {
        views.remove(name.toLowerCase(Locale.ROOT));
    }

    /** The numbers {@code 0 .. end - 1} in a non-null {@code bigint} column {@code id}, as Spark's {@code range(end)}. */
    public Dataset<Long> range(long end) {
        return range(0, end);
    }

    /** The numbers {@code start .. end - 1} in a non-null {@code bigint} column {@code id}. */
    public Dataset<Long> range(long start, long end) {
        return range(start, end, 1);
    }

    /** The numbers {@code start, start + step, ...} before {@code end}; a step of 0 fails as in Spark. */
    public Dataset<Long> range(long start, long end, long step) {
        return range(start, end, step, sparkContext.defaultParallelism());
    }

    /** As {@link #range(long, long, long)}, in {@code numPartitions} slices (an aggregate folds each slice, then merges them, as Spark's partitions). */
    public Dataset<Long> range(long start, long end, long step, int numPartitions) {
        return new Dataset<>(this, new io.tideway.engine.plan.RangeRelation(start, end, step, numPartitions), Encoders.LONG());
    }

    /** A DataFrame without rows or columns. */
    public Dataset<Row> emptyDataFrame() {
        return createDataFrame(List.of(), new StructType());
    }

    /**
     * A static DataFrame of {@code rows} with {@code schema}; the rows' values must fit the
     * schema's types (see {@link Row} for the Java type of each).
     */
    public Dataset<Row> createDataFrame(List<Row> rows, StructType schema) {
        return Dataset.ofRows(this, new LocalRelation(io.tideway.engine.expr.CharVarcharTypes.failIfHasCharVarchar(schema), rows));
    }

    /** A DataFrame of Java beans, a column per bean property (sorted by name, as Spark's bean encoder). */
    public Dataset<Row> createDataFrame(List<?> data, Class<?> beanClass) {
        return beanFrame(data, Encoders.bean(beanClass));
    }

    @SuppressWarnings("unchecked")
    private <T> Dataset<Row> beanFrame(List<?> data, Encoder<T> encoder) {
        return createDataset((List<T>) data, encoder).toDF();
    }

    /** A Dataset of {@code data}, encoded with {@code encoder} (Spark's {@code createDataset}). */
    public <T> Dataset<T> createDataset(List<T> data, Encoder<T> encoder) {
        ObjectEncoder<T> e = ObjectEncoder.of(encoder);
        return new Dataset<>(this, new LocalRelation(e.schema(), ObjectRows.toRows(data, e)), encoder);
    }

    /** A Dataset without rows, of {@code encoder}'s schema (Spark's {@code emptyDataset}). */
    public <T> Dataset<T> emptyDataset(Encoder<T> encoder) {
        return createDataset(List.of(), encoder);
    }

    /** Stops all active queries. */
    public void stop() {
        queries.stopAll();
        io.tideway.engine.ui.StatusServer page = statusPage;
        if (page != null) {
            statusPage = null;
            page.stop();
        }
        stopped = true;
        ActiveSessions.stopped(this);
    }

    @Override
    public void close() {
        stop();
    }

    /** Builds or returns the session, mirroring {@code SparkSession.Builder}. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();

        /**
         * The application's name ({@code spark.app.name}), as {@code sparkContext().appName()}
         * returns it.
         */
        public Builder appName(String name) {
            settings.put("spark.app.name", name);
            return this;
        }

        /**
         * Accepted so that Spark programs run unchanged ({@code spark.master}); Tideway runs in the
         * calling JVM whatever it says.
         */
        public Builder master(String master) {
            settings.put("spark.master", master);
            return this;
        }

        /** A setting for the session; a value not valid for a setting Tideway reads fails here, naming both. */
        public Builder config(String key, String value) {
            TidewayConf.validate(key, value);
            settings.put(key, value);
            return this;
        }

        /**
         * A setting with a number value, as {@link #config(String, String)} with its decimal text.
         */
        public Builder config(String key, long value) {
            return config(key, Long.toString(value));
        }

        /**
         * A setting with a boolean value, as {@link #config(String, String)} with {@code true} or
         * {@code false}.
         */
        public Builder config(String key, boolean value) {
            return config(key, Boolean.toString(value));
        }

        /** A setting with a decimal value, as {@link #config(String, String)} with Java's text of it ({@code 0.25}). */
        public Builder config(String key, double value) {
            return config(key, Double.toString(value));
        }

        /** Every setting of {@code map}, each value as its text, as {@link #config(String, String)} one by one. */
        public Builder config(Map<String, Object> map) {
            map.forEach((k, v) -> config(k, String.valueOf(v)));
            return this;
        }

        /**
         * The thread's active session, else the default one (this builder's settings applied to
         * it), or a new one, which becomes both, whose settings are, lowest precedence first (as Spark's):
         * the {@code tideway-defaults.conf} file, {@code -Dspark.*}/{@code -Dtideway.*} system
         * properties, then this builder's {@code config(...)}; each validated, the error naming the
         * key and value.
         */
        public TidewaySession getOrCreate() {
            return getOrCreate(DefaultSettings.load());
        }

        /** {@code spark.sql.warehouse.dir} as a directory: a {@code file:} URI or a path, by default {@code spark-warehouse}. */
        private static java.nio.file.Path warehouse(Map<String, String> settings) {
            String dir = settings.getOrDefault("spark.sql.warehouse.dir", "spark-warehouse");
            return java.nio.file.Path.of(dir.replaceFirst("^file:(//)?", ""));
        }

        /** As {@link #getOrCreate()}, starting a new session from {@code defaults} instead of the process's. */
        synchronized TidewaySession getOrCreate(Map<String, String> defaults) {
            TidewaySession s = ActiveSessions.current();
            if (s == null) { // as Spark's: only a new session becomes the default and the thread's active one
                s = build(defaults);
                ActiveSessions.setDefault(s);
                ActiveSessions.setActive(s);
            } else {
                settings.forEach(s.conf::setFromBuilder);
            }
            return s;
        }

        /**
         * A new session of this builder's settings, whatever sessions exist, as Spark's
         * {@code create()}; it becomes the default and the thread's active session where there is none.
         */
        public TidewaySession create() {
            TidewaySession s = build(DefaultSettings.load());
            if (ActiveSessions.defaultSession() == null) {
                ActiveSessions.setDefault(s);
            }
            if (ActiveSessions.active() == null) {
                ActiveSessions.setActive(s);
            }
            return s;
        }

        /**
         * A new session with its own catalog: as Spark's builder makes a new session (new shared
         * state), it knows none of the tables another session created.
         */
        private TidewaySession build(Map<String, String> defaults) {
            Map<String, String> all = new LinkedHashMap<>(defaults);
            all.putAll(settings);
            TidewayConf.validateAll(all);
            TidewaySession s = new TidewaySession(all, new TableCatalog(warehouse(all)), new io.tideway.engine.catalog.GlobalTempViews());
            String logLevel = TidewayConf.LOG_LEVEL.get(s.conf);
            if (logLevel != null) {
                LogLevels.set(logLevel); // as Spark's SparkContext at startup
            }
            if (TidewayConf.UI_ENABLED.get(all)) { // the settings given, where tideway.ui.* may stand for spark.ui.*
                s.statusPage = io.tideway.engine.ui.StatusServer.start(s.streams, all);
            }
            return s;
        }
    }
}
