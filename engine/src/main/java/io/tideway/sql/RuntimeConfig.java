package io.tideway.sql;

import io.tideway.SparkNoSuchElementException;
import io.tideway.engine.error.Unchecked;
import io.tideway.util.Option;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session settings, mirroring Spark's {@code RuntimeConfig}: Spark's names and defaults where
 * Spark has the setting. Thread-safe. Settings a query depends on are read at {@code start()}.
 *
 * <p>As Spark: any key may be set, except Spark's static SQL settings and core settings fixed when
 * the application starts ({@code CANNOT_MODIFY_CONFIG}); {@link #get(String)} of a key that is
 * neither set nor has a default fails with {@code SQL_CONF_NOT_FOUND}; {@link #isModifiable} is
 * true for the runtime SQL settings (Tideway knows those it reads and those in {@link #RUNTIME}),
 * false for any other key.
 */
public final class RuntimeConfig {
    /** Defaults of the settings Tideway reads; one place, documented in the README. */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("spark.sql.ansi.enabled", "true"),
            Map.entry("spark.sql.streaming.multipleWatermarkPolicy", "min"),
            Map.entry("spark.sql.streaming.noDataMicroBatches.enabled", "true"),
            Map.entry("spark.sql.shuffle.partitions", Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors()))),
            Map.entry("spark.sql.streaming.minBatchesToRetain", "100"),
            Map.entry("spark.sql.streaming.stateStore.minDeltasForSnapshot", "10"),
            Map.entry("spark.sql.streaming.stateStore.maintenanceInterval", "60s"),
            Map.entry("spark.sql.streaming.numRecentProgressUpdates", "100"),
            Map.entry("spark.sql.streaming.pollingDelay", "10"),
            Map.entry("spark.sql.streaming.noDataProgressEventInterval", "10000"),
            Map.entry("spark.sql.streaming.stopTimeout", "0"),
            Map.entry("spark.sql.streaming.fileSource.log.compactInterval", "10"),
            Map.entry("spark.sql.streaming.fileSink.log.compactInterval", "10"));

    /** Spark's runtime SQL settings Tideway reads without a default of its own, or accepts: modifiable in Spark. */
    private static final Set<String> RUNTIME = Set.of(
            "spark.sql.session.timeZone", "spark.sql.streaming.checkpointLocation",
            "spark.sql.legacy.pathOptionBehavior.enabled", "spark.sql.sources.default",
            "spark.sql.sources.partitionColumnTypeInference.enabled", "spark.sql.streaming.stopActiveRunOnRestart",
            "spark.sql.caseSensitive", "spark.sql.adaptive.enabled", "spark.sql.autoBroadcastJoinThreshold",
            "spark.sql.streaming.schemaInference", "spark.sql.streaming.metricsEnabled",
            "spark.sql.streaming.statefulOperator.checkCorrectness.enabled",
            "spark.sql.streaming.forceDeleteTempCheckpointLocation", "spark.sql.streaming.stateStore.providerClass");

    /** Spark's static SQL settings and core settings fixed at startup, which {@link #set} refuses as Spark does. */
    private static final Set<String> STATIC = Set.of(
            "spark.sql.warehouse.dir", "spark.sql.catalogImplementation", "spark.sql.extensions",
            "spark.sql.globalTempDatabase", "spark.sql.queryExecutionListeners", "spark.sql.streaming.streamingQueryListeners",
            "spark.sql.ui.retainedExecutions", "spark.sql.streaming.ui.enabled", "spark.sql.streaming.ui.retainedQueries",
            "spark.sql.streaming.ui.retainedProgressUpdates", "spark.sql.cache.serializer",
            "spark.sql.sources.schemaStringLengthThreshold", "spark.sql.event.truncate.length",
            "spark.executor.memory", "spark.executor.cores", "spark.executor.instances", "spark.driver.memory",
            "spark.driver.cores", "spark.driver.maxResultSize");

    private final Map<String, String> values = new ConcurrentHashMap<>();

    RuntimeConfig(Map<String, String> initial) {
        values.putAll(initial);
    }

    /** Sets {@code key}; Spark's {@code CANNOT_MODIFY_CONFIG} for a static or startup-only setting. */
    public void set(String key, String value) {
        if (STATIC.contains(key)) {
            // Spark's AnalysisException [CANNOT_MODIFY_CONFIG], a condition Tideway's table lacks
            throw Unchecked.raise(new AnalysisException("[CANNOT_MODIFY_CONFIG] Cannot modify the value of the Spark config: \""
                    + key + "\".\nSee also 'https://spark.apache.org/docs/latest/sql-migration-guide.html#ddl-statements'. "
                    + "SQLSTATE: 46110"));
        }
        values.put(key, value);
    }

    public void set(String key, long value) {
        set(key, Long.toString(value));
    }

    public void set(String key, boolean value) {
        set(key, Boolean.toString(value));
    }

    /** A builder setting given to a session that already exists: static ones are ignored, as Spark does (with a warning). */
    void setFromBuilder(String key, String value) {
        if (!STATIC.contains(key)) {
            values.put(key, value);
        }
    }

    /** The value, or the default Tideway uses; Spark's {@code SQL_CONF_NOT_FOUND} if there is neither. */
    public String get(String key) {
        String v = values.getOrDefault(key, DEFAULTS.get(key));
        if (v == null) {
            throw new SparkNoSuchElementException("SQL_CONF_NOT_FOUND", Map.of("sqlConf", "\"" + key + "\""), "42K0I",
                    "[SQL_CONF_NOT_FOUND] The SQL config \"" + key + "\" cannot be found. Please verify that the config "
                    + "exists. SQLSTATE: 42K0I");
        }
        return v;
    }

    public String get(String key, String dflt) {
        String v = values.get(key);
        return v != null ? v : DEFAULTS.getOrDefault(key, dflt);
    }

    /** The value or default, if there is one (Spark's {@code scala.Option}). */
    public Option<String> getOption(String key) {
        return Option.apply(values.getOrDefault(key, DEFAULTS.get(key)));
    }

    /** Every setting: Tideway's defaults, then what was set. */
    public Map<String, String> getAll() {
        Map<String, String> all = new TreeMap<>(DEFAULTS);
        all.putAll(values);
        return all;
    }

    /** Removes what was set: {@link #get} then gives the default again. */
    public void unset(String key) {
        values.remove(key);
    }

    public boolean contains(String key) {
        return values.containsKey(key) || DEFAULTS.containsKey(key);
    }

    /** Whether {@code key} is a runtime SQL setting, which a running session may change (false for unknown keys, as Spark). */
    public boolean isModifiable(String key) {
        return DEFAULTS.containsKey(key) || RUNTIME.contains(key);
    }
}
