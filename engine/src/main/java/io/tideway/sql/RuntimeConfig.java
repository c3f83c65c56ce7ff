package io.tideway.sql;

import io.tideway.SparkNoSuchElementException;
import io.tideway.engine.conf.SettingWarnings;
import io.tideway.engine.conf.TidewayConf;
import io.tideway.engine.error.Unchecked;
import scala.Option;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session settings, mirroring Spark's {@code RuntimeConfig}: Spark's names and defaults where
 * Spark has the setting. Thread-safe. Settings a query depends on are read at {@code start()}.
 *
 * <p>As Spark: any key may be set, except Spark's static SQL settings and core settings fixed when
 * the application starts ({@code CANNOT_MODIFY_CONFIG}); {@link #get(String)} of a key that is
 * neither set nor has a default fails with {@code SQL_CONF_NOT_FOUND}; {@link #isModifiable} is
 * true for the runtime SQL settings (those Tideway reads and those it accepts unused, both in
 * {@link TidewayConf}), false for any other key. A value of a setting Tideway reads is validated when
 * it is set, in Spark's words naming the key and the value; an unknown {@code spark.*} or
 * {@code tideway.*} key is accepted with a warning, once.
 */
public final class RuntimeConfig {
    /** Defaults of the settings Tideway reads, from their declarations ({@link TidewayConf}). */
    static final Map<String, String> DEFAULTS = TidewayConf.defaults();

    private final Map<String, String> values = new ConcurrentHashMap<>();

    /** {@code initial} has been validated ({@link TidewayConf#validateAll}). */
    RuntimeConfig(Map<String, String> initial) {
        values.putAll(initial);
        initial.keySet().forEach(SettingWarnings::check);
    }

    /**
     * Sets {@code key}; Spark's {@code CANNOT_MODIFY_CONFIG} for a static or startup-only setting,
     * and Spark's error naming the key and value for a value that is not valid for the setting.
     */
    public void set(String key, String value) {
        requireModifiable(key);
        TidewayConf.validate(key, value);
        SettingWarnings.check(key);
        values.put(key, value);
    }

    /** Sets {@code key} to a number, as {@link #set(String, String)} does with its decimal text. */
    public void set(String key, long value) {
        set(key, Long.toString(value));
    }

    /** Sets {@code key} to {@code true} or {@code false}, as {@link #set(String, String)} does. */
    public void set(String key, boolean value) {
        set(key, Boolean.toString(value));
    }

    /** A builder setting given to a session that already exists: static ones are ignored, as Spark does (with a warning). */
    void setFromBuilder(String key, String value) {
        if (!TidewayConf.STATIC.contains(key)) {
            TidewayConf.validate(key, value);
            SettingWarnings.check(key);
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

    /** The value set for {@code key}, else Tideway's default for it, else {@code dflt}. */
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
    /** Back to the setting's default; a static or Spark core setting cannot be unset, as in Spark. */
    public void unset(String key) {
        requireModifiable(key);
        values.remove(key);
    }

    private static void requireModifiable(String key) {
        if (TidewayConf.STATIC.contains(key)) {
            // Spark's AnalysisException [CANNOT_MODIFY_CONFIG]
            throw Unchecked.raise(new AnalysisException("[CANNOT_MODIFY_CONFIG] Cannot modify the value of the Spark config: \""
                    + key + "\".\nSee also 'https://spark.apache.org/docs/latest/sql-migration-guide.html#ddl-statements'. "
                    + "SQLSTATE: 46110"));
        }
    }

    /** Whether {@code key} has a value: set in this session, or a setting with a default. */
    public boolean contains(String key) {
        return values.containsKey(key) || DEFAULTS.containsKey(key);
    }

    /** Whether {@code key} is a runtime SQL setting, which a running session may change (false for unknown keys, as Spark). */
    public boolean isModifiable(String key) {
        return (TidewayConf.entry(key) != null && !key.equals("spark.app.name") && !key.equals("spark.master"))
                || TidewayConf.ACCEPTED_UNUSED.contains(key);
    }
}
