package io.tideway.engine.conf;

import io.tideway.engine.logging.LogLevels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every setting Tideway reads, declared once with its type, default, allowed values and doc, as
 * Spark's {@code SQLConf}: Spark's names and defaults where Spark has the setting. Readers get typed
 * values from these entries; {@link io.tideway.sql.RuntimeConfig} validates through them; the
 * README's settings table is printed from them ({@link SettingsTable}). Immutable after class
 * initialisation; thread-safe.
 */
public final class TidewayConf {
    private static final List<ConfigEntry<?>> DECLARED = new ArrayList<>();

    public static final ConfigEntry<Boolean> ANSI_ENABLED = declare("spark.sql.ansi.enabled", ValueType.BOOLEAN)
            .defaultText("true")
            .doc("ANSI evaluation, as Spark 4: overflow, division by zero and malformed casts fail");
    public static final ConfigEntry<Boolean> DATETIME_JAVA8_API = declare("spark.sql.datetime.java8API.enabled",
            ValueType.BOOLEAN).defaultText("false")
            .doc("Java UDFs get DATE and TIMESTAMP arguments as `java.time.LocalDate` and `Instant` instead of "
                    + "`java.sql.Date` and `Timestamp`, read when the UDF is applied (the rows `collect` returns keep "
                    + "the `java.sql` classes)");
    public static final ConfigEntry<java.time.ZoneId> SESSION_TIME_ZONE = declare("spark.sql.session.timeZone",
            ValueType.TIME_ZONE).defaultText(java.time.ZoneId.systemDefault().getId()).shownDefault("the JVM's zone")
            .doc("the zone dates and local times are read and written in: casts between strings, dates and timestamps, "
                    + "the date and time functions, partition values; a region (`Europe/Paris`), an offset (`+01:00`) "
                    + "or a short id (`PST`)");
    public static final ConfigEntry<Integer> SHUFFLE_PARTITIONS = declare("spark.sql.shuffle.partitions", ValueType.INT)
            .defaultText(Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors())))
            .shownDefault("cores (min 2)")
            .check(n -> n > 0, "> 0", "The value of spark.sql.shuffle.partitions must be positive")
            .doc("partitions of an aggregation's state; pinned in `offsets/N` on first start, so a restart keeps it "
                    + "(with Spark's warning if the session differs)");
    public static final ConfigEntry<String> SOURCES_DEFAULT = declare("spark.sql.sources.default", ValueType.STRING)
            .defaultText("parquet")
            .doc("the format of `load()`, `save()` and `start()` without `format(...)`");
    public static final ConfigEntry<String> PARQUET_COMPRESSION = declare("spark.sql.parquet.compression.codec",
            ValueType.STRING).defaultText("snappy")
            .check(c -> java.util.Set.of("none", "uncompressed", "snappy", "gzip", "zstd").contains(c.toLowerCase(java.util.Locale.ROOT)),
                    "none, uncompressed, snappy, gzip, zstd",
                    "The value of spark.sql.parquet.compression.codec should be one of none, uncompressed, snappy, gzip, zstd")
            .doc("the codec of Parquet files written (module `tideway-parquet`); the write option `compression` overrides it");
    public static final ConfigEntry<String> PARQUET_OUTPUT_TIMESTAMP_TYPE = declare(
            "spark.sql.parquet.outputTimestampType", ValueType.STRING).defaultText("INT96")
            .check(t -> java.util.Set.of("INT96", "TIMESTAMP_MICROS", "TIMESTAMP_MILLIS").contains(t.toUpperCase(java.util.Locale.ROOT)),
                    "INT96, TIMESTAMP_MICROS, TIMESTAMP_MILLIS",
                    "The value of spark.sql.parquet.outputTimestampType should be one of INT96, TIMESTAMP_MICROS, TIMESTAMP_MILLIS")
            .doc("the Parquet type timestamps are written as: INT96 (Spark's default) or INT64 with the timestamp "
                    + "logical type in micro- or milliseconds");
    public static final ConfigEntry<Boolean> PARQUET_WRITE_LEGACY_FORMAT = declare(
            "spark.sql.parquet.writeLegacyFormat", ValueType.BOOLEAN).defaultText("false")
            .doc("Parquet files in the layout of Spark 1.4 and earlier (for Hive and Impala readers): decimals as "
                    + "FIXED_LEN_BYTE_ARRAY, lists as `bag`/`array` groups (two levels for non-null elements), map "
                    + "entries as MAP_KEY_VALUE groups");
    public static final ConfigEntry<Boolean> PARTITION_TYPE_INFERENCE = declare(
            "spark.sql.sources.partitionColumnTypeInference.enabled", ValueType.BOOLEAN).defaultText("true")
            .doc("partition columns (`col=value` directories) typed from their values; false: all strings");
    public static final ConfigEntry<Boolean> STREAMING_SCHEMA_INFERENCE = declare("spark.sql.streaming.schemaInference",
            ValueType.BOOLEAN).defaultText("false")
            .doc("a streaming file source without a schema (json, csv, parquet) takes the schema inferred from the "
                    + "files present at `load()`, as `spark.read()` would; false: such a source requires a schema");
    public static final ConfigEntry<Boolean> IGNORE_MISSING_FILES = declare("spark.sql.files.ignoreMissingFiles",
            ValueType.BOOLEAN).defaultText("false")
            .doc("a file source skips a file deleted after it was listed, with a warning, instead of failing; the "
                    + "source option `ignoreMissingFiles` overrides it");
    public static final ConfigEntry<Boolean> IGNORE_CORRUPT_FILES = declare("spark.sql.files.ignoreCorruptFiles",
            ValueType.BOOLEAN).defaultText("false")
            .doc("a file source skips the rest of a file it cannot read, with a warning, instead of failing (the rows "
                    + "read before the error are kept); the source option `ignoreCorruptFiles` overrides it");
    public static final ConfigEntry<Boolean> LEGACY_PATH_OPTION = declare(
            "spark.sql.legacy.pathOptionBehavior.enabled", ValueType.BOOLEAN).defaultText("false")
            .doc("allow both `option(\"path\", ...)` and a path argument to `load`/`save`/`start` (the argument wins; a batch "
                    + "`load(paths...)` also reads the option's path); without it Spark's `_LEGACY_ERROR_TEMP_1306`/`1307` errors");
    public static final ConfigEntry<String> CHECKPOINT_LOCATION = declare("spark.sql.streaming.checkpointLocation",
            ValueType.STRING)
            .doc("root for checkpoints of queries without their own (`<root>/<queryName or uuid>`)");
    public static final ConfigEntry<Integer> MIN_BATCHES_TO_RETAIN = declare("spark.sql.streaming.minBatchesToRetain",
            ValueType.INT).defaultText("100")
            .check(n -> n > 0, "> 0", "minBatchesToRetain has to be positive")
            .doc("batches whose offsets, commits and state files are kept; the latest committed batch is never deleted");
    public static final ConfigEntry<Integer> MIN_DELTAS_FOR_SNAPSHOT = declare(
            "spark.sql.streaming.stateStore.minDeltasForSnapshot", ValueType.INT).defaultText("10")
            .doc("state versions between snapshots (written by the maintenance thread)");
    public static final ConfigEntry<Long> MAINTENANCE_INTERVAL = declare(
            "spark.sql.streaming.stateStore.maintenanceInterval", ValueType.TIME_MS).defaultText("60s")
            .check(ms -> ms > 0, "> 0", "The maintenance interval must be positive")
            .doc("how often the maintenance thread snapshots and cleans state");
    public static final ConfigEntry<String> MULTIPLE_WATERMARK_POLICY = declare(
            "spark.sql.streaming.multipleWatermarkPolicy", ValueType.oneOf(List.of("min", "max"),
                    "Invalid value for 'spark.sql.streaming.multipleWatermarkPolicy'. Valid values are 'min' and 'max'"))
            .defaultText("min").check(p -> true, "`min`, `max`", "")
            .doc("`min` or `max` of several watermarks; pinned in `offsets/N`");
    public static final ConfigEntry<Boolean> NO_DATA_MICRO_BATCHES = declare(
            "spark.sql.streaming.noDataMicroBatches.enabled", ValueType.BOOLEAN).defaultText("true")
            .doc("run a batch without new data when a moved watermark or a timeout gives a stateful operator work");
    public static final ConfigEntry<Integer> NUM_RECENT_PROGRESS = declare(
            "spark.sql.streaming.numRecentProgressUpdates", ValueType.INT).defaultText("100")
            .check(n -> n >= 0, ">= 0", "The number of progress updates kept must not be negative")
            .doc("`recentProgress()` length");
    public static final ConfigEntry<Long> POLLING_DELAY = declare("spark.sql.streaming.pollingDelay", ValueType.TIME_MS)
            .defaultText("10ms").check(ms -> ms >= 0, ">= 0", "The polling delay must not be negative")
            .doc("idle wait of the default trigger");
    public static final ConfigEntry<Long> NO_DATA_PROGRESS_INTERVAL = declare(
            "spark.sql.streaming.noDataProgressEventInterval", ValueType.TIME_MS).defaultText("10000ms")
            .check(ms -> ms >= 0, ">= 0", "The interval must not be negative")
            .doc("how often an idle query reports progress");
    public static final ConfigEntry<Long> STOP_TIMEOUT = declare("spark.sql.streaming.stopTimeout", ValueType.TIME_MS)
            .defaultText("0")
            .doc("`stop()` waits this long, then throws `TimeoutException`; 0 or less waits for ever");
    public static final ConfigEntry<Boolean> STOP_ACTIVE_RUN_ON_RESTART = declare(
            "spark.sql.streaming.stopActiveRunOnRestart", ValueType.BOOLEAN).defaultText("true")
            .doc("starting a query whose id is already running stops the running one; false: the start fails");
    public static final ConfigEntry<Integer> FILE_SOURCE_COMPACT_INTERVAL = declare(
            "spark.sql.streaming.fileSource.log.compactInterval", ValueType.INT).defaultText("10")
            .check(n -> n > 0, "> 0", "Please set spark.sql.streaming.fileSource.log.compactInterval to a positive value.")
            .doc("the file source's log (`sources/N/`) writes a `.compact` file every this many batches");
    public static final ConfigEntry<Integer> FILE_SINK_COMPACT_INTERVAL = declare(
            "spark.sql.streaming.fileSink.log.compactInterval", ValueType.INT).defaultText("10")
            .check(n -> n > 0, "> 0", "Please set spark.sql.streaming.fileSink.log.compactInterval to a positive value.")
            .doc("the file sink's log (`_spark_metadata/`) writes a `.compact` file every this many batches");
    public static final ConfigEntry<Boolean> FILE_SOURCE_LOG_DELETION = declare(
            "spark.sql.streaming.fileSource.log.deletion", ValueType.BOOLEAN).defaultText("true")
            .doc("the file source's log deletes files a compaction made obsolete (keeping `minBatchesToRetain` batches)");
    public static final ConfigEntry<Long> FILE_SOURCE_LOG_CLEANUP_DELAY = declare(
            "spark.sql.streaming.fileSource.log.cleanupDelay", ValueType.TIME_MS).defaultText("10m")
            .check(ms -> ms >= 0, ">= 0", "The cleanup delay must not be negative")
            .doc("how long an obsolete file of the file source's log stays, for readers that listed it");
    public static final ConfigEntry<Boolean> FILE_SINK_LOG_DELETION = declare(
            "spark.sql.streaming.fileSink.log.deletion", ValueType.BOOLEAN).defaultText("true")
            .doc("the file sink's log (`_spark_metadata/`) deletes files a compaction made obsolete");
    public static final ConfigEntry<Long> FILE_SINK_LOG_CLEANUP_DELAY = declare(
            "spark.sql.streaming.fileSink.log.cleanupDelay", ValueType.TIME_MS).defaultText("10m")
            .check(ms -> ms >= 0, ">= 0", "The cleanup delay must not be negative")
            .doc("how long an obsolete file of the file sink's log stays, for readers that listed it");
    public static final ConfigEntry<Boolean> METRICS_ENABLED = declare("spark.sql.streaming.metricsEnabled",
            ValueType.BOOLEAN).defaultText("false")
            .doc("each query started while true registers a JMX MBean `io.tideway:type=StreamingQuery,name=<queryName or "
                    + "id>` (rows/s, batch duration, watermark, state rows and memory, per-partition source metrics), "
                    + "removed when it stops");
    public static final ConfigEntry<Boolean> CHECKPOINT_FSYNC = declare("tideway.checkpoint.fsync", ValueType.BOOLEAN)
            .defaultText("true")
            .doc("force each `offsets/` and `commits/` file to disk before publishing it, so that a batch or epoch "
                    + "committed survives an OS crash or power loss; `false` keeps them as Spark does on a local file "
                    + "system (they survive a process crash) and saves an fsync per file, about 0.2 ms of CPU on the "
                    + "continuous coordinator each epoch on a small VM");
    public static final ConfigEntry<Boolean> UI_ENABLED = declare("spark.ui.enabled", ValueType.BOOLEAN)
            .defaultText("false").withAlternative("tideway.ui.enabled")
            .doc("serve the status page (running and recent queries, each with charts of its rows/s, durations, latency "
                    + "percentiles, watermark and state rows, its last progress and its exception; JSON under `/api/`) "
                    + "on `tideway.ui.host`; off by default in Tideway, which runs inside applications (Spark's UI is on by "
                    + "default); set at the builder; also read as `tideway.ui.enabled`");
    public static final ConfigEntry<Integer> UI_PORT = declare("spark.ui.port", ValueType.INT).defaultText("4040")
            .withAlternative("tideway.ui.port")
            .check(n -> n >= 0 && n <= 65535, "0 to 65535", "must be a port, 0 to 65535 (0: any free port)")
            .doc("the status page's port; taken, the next free one of the 16 after it, as Spark; 0 takes any free port "
                    + "(`sparkContext().uiWebUrl()` tells which); also read as `tideway.ui.port`");
    public static final ConfigEntry<String> UI_HOST = declare("tideway.ui.host", ValueType.STRING).defaultText("127.0.0.1")
            .check(h -> h.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?") || h.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"),
                    "a host name or an IP address", "must be a host name or an IP address")
            .doc("the address the status page listens on: loopback only by default; `0.0.0.0` for every interface "
                    + "(the page is read-only and unauthenticated); set at the builder");
    public static final ConfigEntry<Integer> UI_RETAINED_PROGRESS = declare(
            "spark.sql.streaming.ui.retainedProgressUpdates", ValueType.INT).defaultText("100")
            .check(n -> n > 0, "> 0", "must be positive")
            .doc("progress updates of each query the status page keeps for its charts; set at the builder");
    public static final ConfigEntry<Integer> UI_RETAINED_QUERIES = declare("spark.sql.streaming.ui.retainedQueries",
            ValueType.INT).defaultText("100").check(n -> n >= 0, ">= 0", "must not be negative")
            .doc("ended queries the status page lists; set at the builder");
    public static final ConfigEntry<String> APP_NAME = declare("spark.app.name", ValueType.STRING)
            .doc("`appName(...)`: shown by `sparkContext().appName()`");
    public static final ConfigEntry<String> MASTER = declare("spark.master", ValueType.STRING).defaultText("local[*]")
            .doc("`master(...)`: accepted; Tideway always runs in this JVM");
    public static final ConfigEntry<String> LOG_LEVEL = declare("spark.log.level", new ValueType<>("string", (k, s) -> {
                String upper = s.toUpperCase(Locale.ROOT); // as Spark's transform, then checkValue
                if (!LogLevels.NAMES.contains(upper)) {
                    throw ConfErrors.invalid(k, upper, "Invalid value for 'spark.log.level'. Valid values are "
                            + String.join(",", LogLevels.NAMES));
                }
                return upper;
            }, s -> s)).check(v -> true, "`ALL`, `DEBUG`, `ERROR`, `FATAL`, `INFO`, `OFF`, `TRACE`, `WARN`", "")
            .doc("set at the builder: the first session sets this level as `sparkContext().setLogLevel(...)` does "
                    + "(the root and `io.tideway` loggers of the bound SLF4J backend)");
    public static final ConfigEntry<String> WAIT_STRATEGY = declare("tideway.continuous.waitStrategy",
            ValueType.oneOf(List.of("busy-spin", "yielding", "backoff", "blocking"),
                    "Valid values are busy-spin, yielding, backoff, blocking"))
            .defaultText("backoff").check(w -> true, "`busy-spin`, `yielding`, `backoff`, `blocking`", "")
            .doc("how continuous tasks and readers wait: `busy-spin` (lowest latency, burns a core per thread), "
                    + "`yielding`, `backoff` (spin → yield → park; behaves on shared cores; an idle task parks until its "
                    + "reader wakes it), `blocking` (lock and condition; least CPU, never spins)");
    public static final ConfigEntry<Integer> SPIN_WINDOW_MICROS = declare("tideway.continuous.spinWindowMicros",
            ValueType.INT_OR_AUTO).defaultText("auto").check(n -> true, "`auto` or >= 0", "")
            .doc("within this many µs of a paced source's next row the reader (and, with `backoff`, the task) stays "
                    + "awake instead of parking, because a timed park oversleeps; `auto` learns, per thread, how late "
                    + "three parks in four wake on this machine");
    public static final ConfigEntry<String> THREADS_PER_PARTITION = declare("tideway.continuous.threadsPerPartition",
            ValueType.oneOf(List.of("auto", "1", "2"), "Valid values are auto, 1, 2"))
            .defaultText("auto").check(w -> true, "`auto`, `1`, `2`", "")
            .doc("threads a continuous partition runs on: `1`, the reader runs the operators and the sink itself (no "
                    + "ring hop; least latency and CPU while the operators keep up with the source), `2`, a reader thread "
                    + "and a task thread joined by a ring (reading and processing overlap); `auto` takes `2` only while "
                    + "two threads per partition leave a core free");
    public static final ConfigEntry<Class<? extends java.util.concurrent.ThreadFactory>> THREAD_FACTORY = declare(
            "tideway.continuous.threadFactory", ValueType.implementationOf(java.util.concurrent.ThreadFactory.class))
            .doc("a `java.util.concurrent.ThreadFactory` class (public, no-argument constructor) that makes the "
                    + "continuous readers', tasks' and epoch coordinator's threads: to pin them to cores, set their "
                    + "priority or group; Tideway names each thread for its role. Unset: daemon threads");
    public static final ConfigEntry<Integer> RING_SIZE = declare("tideway.continuous.ringSize", ValueType.INT)
            .defaultText("1024").check(n -> n >= 2 && Integer.bitCount(n) == 1, "a power of two >= 2",
                    "must be a power of two, at least 2")
            .doc("slots per continuous partition ring");
    public static final ConfigEntry<Long> SLOT_BYTES = declare("tideway.continuous.slotBytes", ValueType.BYTES)
            .defaultText("16384").check(n -> n >= 64 && n <= Integer.MAX_VALUE, "64 to 2g - 1",
                    "must be at least 64 and below 2g")
            .doc("bytes of rows one ring slot holds (`16k`, `1m`; a larger row fails naming this setting)");
    public static final ConfigEntry<Integer> ROWS_PER_SLOT = declare("tideway.continuous.rowsPerSlot", ValueType.INT)
            .defaultText("256").check(n -> n >= 1, ">= 1", "must be at least 1")
            .doc("most rows batched into one ring slot");
    public static final ConfigEntry<Integer> MAX_TASK_RESTARTS = declare("tideway.continuous.maxTaskRestarts",
            ValueType.INT).defaultText("0").check(n -> n >= 0, ">= 0", "must be at least 0")
            .doc("when a continuous task fails, restart all tasks from the last committed epoch this many times "
                    + "before the query fails");

    /** Every declared entry by key, in declaration order. */
    private static final Map<String, ConfigEntry<?>> BY_KEY;

    /** Every declared entry by its alternative names ({@code tideway.ui.port} for {@code spark.ui.port}). */
    private static final Map<String, ConfigEntry<?>> BY_ALTERNATIVE;

    static {
        Map<String, ConfigEntry<?>> m = new LinkedHashMap<>();
        Map<String, ConfigEntry<?>> alt = new LinkedHashMap<>();
        DECLARED.forEach(e -> {
            m.put(e.key(), e);
            e.alternatives().forEach(a -> alt.put(a, e));
        });
        BY_KEY = Collections.unmodifiableMap(m);
        BY_ALTERNATIVE = Collections.unmodifiableMap(alt);
    }

    /**
     * Spark's runtime SQL settings Tideway accepts without reading them (modifiable, as in Spark;
     * setting one logs once that it has no effect).
     */
    public static final Set<String> ACCEPTED_UNUSED = Set.of(
            "spark.sql.caseSensitive", "spark.sql.adaptive.enabled", "spark.sql.autoBroadcastJoinThreshold",
            "spark.sql.streaming.statefulOperator.checkCorrectness.enabled",
            "spark.sql.streaming.forceDeleteTempCheckpointLocation", "spark.sql.streaming.stateStore.providerClass");

    /** Spark's static SQL settings and core settings fixed at startup: {@code conf().set} refuses them as Spark does. */
    public static final Set<String> STATIC = Set.of(
            "spark.sql.warehouse.dir", "spark.sql.catalogImplementation", "spark.sql.extensions",
            "spark.sql.globalTempDatabase", "spark.sql.queryExecutionListeners", "spark.sql.streaming.streamingQueryListeners",
            "spark.sql.ui.retainedExecutions", "spark.sql.streaming.ui.enabled", "spark.sql.streaming.ui.retainedQueries",
            "spark.sql.streaming.ui.retainedProgressUpdates", "spark.sql.cache.serializer",
            "spark.sql.sources.schemaStringLengthThreshold", "spark.sql.event.truncate.length",
            "spark.executor.memory", "spark.executor.cores", "spark.executor.instances", "spark.driver.memory",
            "spark.driver.cores", "spark.driver.maxResultSize", "spark.ui.enabled", "spark.ui.port",
            "tideway.ui.enabled", "tideway.ui.port", "tideway.ui.host", "spark.log.level");

    private TidewayConf() {
    }

    private static <T> ConfigBuilder<T> declare(String key, ValueType<T> type) {
        return new ConfigBuilder<>(key, type, DECLARED);
    }

    /** The declared entries, in declaration order. */
    public static List<ConfigEntry<?>> entries() {
        return List.copyOf(BY_KEY.values());
    }

    /** The entry for {@code key}, or null when Tideway does not read it. */
    public static ConfigEntry<?> entry(String key) {
        return BY_KEY.get(key);
    }

    /** Fails, naming {@code key} and {@code text} in Spark's words, if {@code text} is no valid value of a declared setting. */
    public static void validate(String key, String text) {
        ConfigEntry<?> e = BY_KEY.get(key);
        if (e != null) {
            e.parse(text);
        } else if (BY_ALTERNATIVE.containsKey(key)) {
            BY_ALTERNATIVE.get(key).parse(key, text);
        }
    }

    /** Validates every declared setting in {@code settings}. */
    public static void validateAll(Map<String, String> settings) {
        settings.forEach(TidewayConf::validate);
    }

    /** Whether {@code key} is a Spark or Tideway setting Tideway does not know at all: such keys are warned about once. */
    public static boolean isUnknown(String key) {
        return (key.startsWith("spark.") || key.startsWith("tideway.")) && !BY_KEY.containsKey(key)
                && !BY_ALTERNATIVE.containsKey(key) && !ACCEPTED_UNUSED.contains(key) && !STATIC.contains(key);
    }

    /** The default text of each declared setting that has one. */
    public static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ConfigEntry<?> e : BY_KEY.values()) {
            if (e.defaultText() != null) {
                m.put(e.key(), e.defaultText());
            }
        }
        return m;
    }

    /**
     * {@code key}'s value as canonical text ({@code true}, {@code 10ms}), for readers that take
     * settings as text (the expression context): declared settings go through their entry.
     */
    public static String canonical(String key, String text) {
        ConfigEntry<?> e = BY_KEY.get(key);
        return e == null || text == null ? text : canonicalOf(e, text);
    }

    /**
     * Reads {@code conf}'s settings as canonical text, for readers that take a getter (the
     * expression context): {@code " TRUE "} reads as {@code true}; an unset setting without default
     * fails as {@code conf.get} does.
     */
    public static java.util.function.UnaryOperator<String> reader(io.tideway.sql.RuntimeConfig conf) {
        return key -> canonical(key, conf.get(key));
    }

    private static <T> String canonicalOf(ConfigEntry<T> e, String text) {
        return e.type().text(e.parse(text));
    }
}
