package io.tideway.sql.streaming;

import io.tideway.engine.catalog.TableCatalog;
import io.tideway.engine.conf.TidewayConf;

import io.tideway.api.java.function.VoidFunction2;
import io.tideway.engine.connector.Providers;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.UnsupportedOperationChecker;
import io.tideway.engine.query.QuerySpec;
import io.tideway.engine.query.StreamExecution;
import io.tideway.engine.sink.ForeachBatchSink;
import io.tideway.engine.sink.ForeachSink;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SinkContext;
import io.tideway.engine.spi.SinkProvider;
import io.tideway.engine.spi.StreamSink;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.ForeachWriter;
import io.tideway.sql.TidewaySession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Describes where and how a streaming Dataset is written, mirroring Spark's
 * {@code DataStreamWriter}; {@link #start()} validates everything and starts the query.
 * Not thread-safe (a builder).
 */
public final class DataStreamWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(DataStreamWriter.class);
    private final Dataset<T> ds;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String format;
    private OutputMode outputMode = OutputMode.Append();
    private Trigger trigger = Trigger.ProcessingTime(0);
    private String queryName;
    private List<String> partitionBy = new ArrayList<>();
    private List<String> clusterBy;
    private ForeachWriter<T> foreachWriter;
    private VoidFunction2<Dataset<T>, Long> foreachBatch;

    /** A writer of {@code ds}; applications get one from {@code Dataset.writeStream()}. */
    public DataStreamWriter(Dataset<T> ds) {
        this.ds = ds;
    }

    /**
     * The sink by name: {@code console}, {@code memory}, {@code json}, {@code csv}, {@code text},
     * {@code parquet}, {@code kafka}, {@code chronicle}, {@code noop}, ... Without one,
     * {@code spark.sql.sources.default} ({@code parquet}) is used. Checked at {@link #start()}.
     */
    public DataStreamWriter<T> format(String source) {
        this.format = source;
        return this;
    }

    /**
     * What each trigger writes: {@link OutputMode#Append()} (the default),
     * {@link OutputMode#Update()} or {@link OutputMode#Complete()}. Whether the query and the sink
     * allow it is checked at {@link #start()}, with Spark's {@code AnalysisException}s.
     */
    public DataStreamWriter<T> outputMode(OutputMode mode) {
        this.outputMode = mode;
        return this;
    }

    /**
     * The output mode by name, {@code append}, {@code update} or {@code complete} in any case; any
     * other name throws Spark's {@code [STREAMING_OUTPUT_MODE.INVALID]} here.
     */
    public DataStreamWriter<T> outputMode(String mode) {
        this.outputMode = OutputMode.fromString(mode);
        return this;
    }

    /** Accepts null, as Spark does; {@link #start()} then refuses it. */
    public DataStreamWriter<T> trigger(Trigger t) {
        this.trigger = t;
        return this;
    }

    /**
     * Names the query: shown in progress and logs, the table name of the {@code memory} sink, and
     * the checkpoint directory under {@code spark.sql.streaming.checkpointLocation}. Two active
     * queries of a session may not share a name.
     */
    public DataStreamWriter<T> queryName(String name) {
        this.queryName = name;
        return this;
    }

    /**
     * Writes each row under {@code col=value/} directories of these columns, as Spark lays them
     * out. File sinks only: {@code memory} and {@code console} refuse it at {@link #start()} in
     * Spark's words, and Tideway's other sinks (such as {@code kafka}) refuse it in its own.
     */
    public DataStreamWriter<T> partitionBy(String... cols) {
        this.partitionBy = Arrays.asList(cols);
        refuseClusterByWithPartitionBy();
        return this;
    }

    /**
     * Clusters the output by these columns (Spark 4's {@code clusterBy}): a layout hint that
     * Tideway's sinks accept without acting on, as Spark 4.0's own sinks do (not even checking the
     * names); {@code partitionBy} with it fails at once, in Spark's words.
     */
    public DataStreamWriter<T> clusterBy(String... cols) {
        this.clusterBy = Arrays.asList(cols);
        refuseClusterByWithPartitionBy();
        return this;
    }

    private void refuseClusterByWithPartitionBy() {
        if (clusterBy != null && !partitionBy.isEmpty()) {
            throw Unchecked.raise(new AnalysisException("SPECIFY_CLUSTER_BY_WITH_PARTITIONED_BY_IS_NOT_ALLOWED", Map.of()));
        }
    }

    /**
     * Sets a sink option ({@code path}, {@code checkpointLocation}, {@code numRows}, ...); names
     * are case-insensitive, a later value replaces an earlier one, and the sink checks values when
     * the query starts.
     */
    public DataStreamWriter<T> option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** Sets a sink option to a number, as its decimal text. */
    public DataStreamWriter<T> option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /** Sets a sink option to a number, as its decimal text. */
    public DataStreamWriter<T> option(String key, double value) {
        return option(key, Double.toString(value));
    }

    /** Sets a sink option to {@code true} or {@code false}. */
    public DataStreamWriter<T> option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /** Sets every option of {@code opts}, as {@link #option(String, String)} one by one. */
    public DataStreamWriter<T> options(Map<String, String> opts) {
        options.putAll(opts);
        return this;
    }

    /**
     * Writes each row through {@code writer}: per partition and batch (or epoch), a fresh copy of
     * the writer is opened, given the rows and closed (it must be serializable). Works in
     * micro-batch and continuous mode; at least once. A null writer throws
     * {@code IllegalArgumentException}.
     */
    public DataStreamWriter<T> foreach(ForeachWriter<T> writer) {
        if (writer == null) {
            throw new IllegalArgumentException("foreach writer cannot be null");
        }
        this.format = "foreach";
        this.foreachWriter = writer;
        return this;
    }

    /**
     * Calls {@code function} with each micro-batch as a static Dataset and its batch id; a batch
     * re-run after a failure has the same id, so the function can be idempotent. Micro-batch mode
     * only: with a continuous trigger {@link #start()} fails with Spark's
     * {@code 'foreachBatch' is not supported with continuous trigger}. A null function throws
     * {@code IllegalArgumentException}.
     */
    public DataStreamWriter<T> foreachBatch(VoidFunction2<Dataset<T>, Long> function) {
        if (function == null) {
            throw new IllegalArgumentException("foreachBatch function cannot be null");
        }
        this.format = "foreachBatch";
        this.foreachBatch = function;
        return this;
    }

    /**
     * As {@link #start()} with the {@code path} option set to {@code path} (a file sink's output
     * directory). With a {@code path} option already set it fails as Spark does, unless
     * {@code spark.sql.legacy.pathOptionBehavior.enabled} is true.
     */
    public StreamingQuery start(String path) throws java.util.concurrent.TimeoutException {
        PathParameter.refuseIfPathOptionSet(options, "start", ds.sparkSession());
        options.put("path", path);
        return start();
    }

    /**
     * Starts the query writing into the warehouse table {@code tableName} (Spark's
     * {@code toTable}): the table is created first, in this writer's format (Parquet when none is
     * given) with the stream's schema, unless it exists; the rows go to its files through the file
     * sink, exactly once with the checkpoint.
     */
    public StreamingQuery toTable(String tableName) throws java.util.concurrent.TimeoutException {
        TidewaySession session = ds.sparkSession();
        TableCatalog tables = session.tableCatalog();
        TableCatalog.Table table = tables.get(tableName);
        if (table == null) {
            String fmt = format == null ? TidewayConf.SOURCES_DEFAULT.get(session.conf()) : format;
            tables.create(new TableCatalog.Table(tableName, tables.defaultLocation(tableName), fmt,
                    TableCatalog.nullable(ds.schema())));
            table = tables.require(tableName);
        }
        format = table.format();
        return start(table.location().toString());
    }

    /** Validates the query and starts it. Declares {@code TimeoutException} as Spark 3.x does. */
    public StreamingQuery start() throws java.util.concurrent.TimeoutException {
        TidewaySession session = ds.sparkSession();
        String fmt = format == null ? TidewayConf.SOURCES_DEFAULT.get(session.conf()) : format;
        if (trigger == null) {
            // Spark's words when its micro-batch execution meets a trigger it has no executor for
            throw new IllegalStateException("Unknown type of trigger: null");
        }
        boolean continuous = trigger instanceof ContinuousTrigger;
        Options opts = new Options(options);
        UnsupportedOperationChecker.checkForStreaming(ds.logicalPlan(), outputMode);

        SinkProvider provider = null;
        if (foreachWriter == null && foreachBatch == null) {
            provider = Providers.sink(fmt);
            if (!provider.supportedModes().contains(outputMode)) {
                throw Unchecked.raise(new AnalysisException("STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE",
                        Map.of("className", fmt, "outputMode", outputMode.toString().toLowerCase(Locale.ROOT))));
            }
        }
        if (!partitionBy.isEmpty() && (provider == null || fmt.equalsIgnoreCase("memory") || fmt.equalsIgnoreCase("console"))) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1197", Map.of("operation", fmt)));
        }
        if (!partitionBy.isEmpty()) {
            if (!(provider instanceof io.tideway.engine.spi.FileWriteProvider files)) {
                throw Unchecked.raise(new AnalysisException("partitionBy is not supported yet by Tideway's " + fmt + " sink"));
            }
            opts = files.withPartitionColumns(opts, partitionBy);
        }
        if (continuous && foreachBatch != null) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1195", Map.of("source", "foreachBatch")));
        }
        boolean needsCheckpoint = provider != null && provider.requiresCheckpointLocation();
        CheckpointLocation loc = checkpointLocation(session, needsCheckpoint);
        if ("memory".equalsIgnoreCase(fmt) && !loc.temporary && outputMode != OutputMode.Complete() && hasOffsets(loc.path)) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1299",
                    Map.of("checkpointPath", loc.path.resolve("offsets").toString())));
        }
        StreamSink sink;
        if (foreachWriter != null) {
            sink = new ForeachSink<>(foreachWriter, ObjectEncoder.of(ds.encoder()), continuous);
        } else if (foreachBatch != null) {
            sink = new ForeachBatchSink<>(session, ds.schema(), ds.encoder(), foreachBatch);
        } else {
            if (continuous && !provider.supportsContinuous()) {
                throw Unchecked.raise(new AnalysisException("Data source " + fmt + " does not support continuous writing"));
            }
            sink = provider.create(new SinkContext(opts, ds.schema(), outputMode, queryName, loc.path, session, continuous));
        }
        // a foreach writer gets objects: its rows are the encoder's fields; every other sink writes the columns
        LogicalPlan plan = foreachWriter != null ? ds.typedPlan() : ds.logicalPlan();
        QuerySpec spec = new QuerySpec(session, queryName, plan, sink, fmt, outputMode, trigger, loc.path, loc.temporary);
        return session.queryRegistry().start(spec);
    }

    private record CheckpointLocation(Path path, boolean temporary) {
    }

    private CheckpointLocation checkpointLocation(TidewaySession session, boolean required) {
        String explicit = options.get("checkpointLocation");
        if (explicit == null) {
            for (Map.Entry<String, String> e : options.entrySet()) {
                if (e.getKey().equalsIgnoreCase("checkpointLocation")) {
                    explicit = e.getValue();
                }
            }
        }
        if (explicit != null) {
            return resolved(explicit, Paths.get(explicit).toAbsolutePath(), false);
        }
        String root = TidewayConf.CHECKPOINT_LOCATION.get(session.conf());
        if (root != null) {
            String leaf = queryName != null ? queryName : UUID.randomUUID().toString();
            return resolved(Paths.get(root, leaf).toString(), Paths.get(root, leaf).toAbsolutePath(), false);
        }
        if (required) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1298",
                    Map.of("config", "spark.sql.streaming.checkpointLocation")));
        }
        Path temp;
        try {
            temp = Files.createTempDirectory("temporary-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.warn("Temporary checkpoint location created which is deleted normally when the query didn't fail: {}."
                + " If it's required to delete it under any circumstances, please set"
                + " spark.sql.streaming.forceDeleteTempCheckpointLocation to true. Important to know deleting temp"
                + " checkpoint folder is best effort.", temp);
        return resolved(temp.toString(), temp, true);
    }

    /** Spark's line naming the checkpoint a query will use, as its analyzer logs it. */
    private static CheckpointLocation resolved(String given, Path path, boolean temporary) {
        LOG.info("Checkpoint root {} resolved to {}.", given, StreamExecution.qualified(path));
        return new CheckpointLocation(path, temporary);
    }

    private static boolean hasOffsets(Path checkpoint) {
        Path offsets = checkpoint.resolve("offsets");
        try (var s = Files.list(offsets)) {
            return s.anyMatch(p -> p.getFileName().toString().matches("\\d+"));
        } catch (IOException e) {
            return false;
        }
    }
}
