package io.tideway.sql;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session settings, mirroring Spark's {@code RuntimeConfig}: Spark's names and defaults where
 * Spark has the setting. Thread-safe. Settings a query depends on are read at {@code start()}.
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

    private final Map<String, String> values = new ConcurrentHashMap<>();

    RuntimeConfig(Map<String, String> initial) {
        values.putAll(initial);
    }

    public void set(String key, String value) {
        values.put(key, value);
    }

    public void set(String key, long value) {
        set(key, Long.toString(value));
    }

    public void set(String key, boolean value) {
        set(key, Boolean.toString(value));
    }

    /** The value, or the default Tideway uses; {@link NoSuchElementException} if there is neither. */
    public String get(String key) {
        String v = values.getOrDefault(key, DEFAULTS.get(key));
        if (v == null) {
            throw new NoSuchElementException(key);
        }
        return v;
    }

    public String get(String key, String dflt) {
        String v = values.get(key);
        return v != null ? v : DEFAULTS.getOrDefault(key, dflt);
    }

    public Map<String, String> getAll() {
        Map<String, String> all = new TreeMap<>(DEFAULTS);
        all.putAll(values);
        return all;
    }

    public void unset(String key) {
        values.remove(key);
    }

    public boolean contains(String key) {
        return values.containsKey(key) || DEFAULTS.containsKey(key);
    }

    public boolean isModifiable(String key) {
        return true;
    }
}
