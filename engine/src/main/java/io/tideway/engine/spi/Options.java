package io.tideway.engine.spi;

import io.tideway.SparkIllegalArgumentException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Source or sink options: case-insensitive names (as in Spark), string values, parsed by the
 * typed getters whose errors name the option. Immutable and thread-safe.
 */
public final class Options {
    private final Map<String, String> original;
    private final Map<String, String> lower = new LinkedHashMap<>();

    public Options(Map<String, String> options) {
        this.original = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        options.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    }

    public static Options empty() {
        return new Options(Map.of());
    }

    public Map<String, String> asMap() {
        return original;
    }

    public boolean contains(String name) {
        return lower.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(lower.get(name.toLowerCase(Locale.ROOT)));
    }

    public String getOrDefault(String name, String dflt) {
        return get(name).orElse(dflt);
    }

    /** The value of a required option, or {@code IllegalArgumentException(message)}. */
    public String required(String name, String message) {
        return get(name).orElseThrow(() -> new IllegalArgumentException(message));
    }

    /**
     * As Spark's {@code CaseInsensitiveStringMap.getLong}: {@link Long#parseLong}, so a value that is
     * not a number fails with its {@code NumberFormatException: For input string: "v"}.
     */
    public long getLong(String name, long dflt) {
        String v = lower.get(name.toLowerCase(Locale.ROOT));
        return v == null ? dflt : Long.parseLong(v);
    }

    /** As Spark's {@code CaseInsensitiveStringMap.getInt}: {@link Integer#parseInt}, its exception unchanged. */
    public int getInt(String name, int dflt) {
        String v = lower.get(name.toLowerCase(Locale.ROOT));
        return v == null ? dflt : Integer.parseInt(v);
    }

    /** A long that must be positive: Spark's wording {@code Invalid value 'v'. The option 'x' must be positive}. */
    public long getPositiveLong(String name, long dflt) {
        long v = getLong(name, dflt);
        if (v <= 0) {
            throw new IllegalArgumentException("Invalid value '" + v + "'. The option '" + name + "' must be positive");
        }
        return v;
    }

    public long getNonNegativeLong(String name, long dflt) {
        long v = getLong(name, dflt);
        if (v < 0) {
            throw new IllegalArgumentException("Invalid value '" + v + "'. The option '" + name + "' must not be negative");
        }
        return v;
    }

    /**
     * As Spark's {@code CaseInsensitiveStringMap.getBoolean}: {@code true} or {@code false} in any
     * case, anything else {@code SparkIllegalArgumentException: v is not a boolean string.}
     */
    public boolean getBoolean(String name, boolean dflt) {
        String v = lower.get(name.toLowerCase(Locale.ROOT));
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        // Spark's words (CaseInsensitiveStringMap.getBoolean), which do not name the option
        throw new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_3206", Map.of("value", v));
    }

    @Override
    public String toString() {
        return original.toString();
    }
}
