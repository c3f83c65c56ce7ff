package io.tideway.sql.types;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field metadata (Spark's {@code Metadata}): named values a field carries through the plan.
 * Tideway uses it as Spark does for the event-time column of {@code withWatermark}, which
 * carries {@code spark.watermarkDelayMs}. Immutable; build one with {@link MetadataBuilder}.
 */
public final class Metadata implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Metadata EMPTY = new Metadata(Map.of());
    private final Map<String, Object> values;

    Metadata(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The metadata with no entries, which a field has unless given other. */
    public static Metadata empty() {
        return EMPTY;
    }

    /** Whether a value is stored under {@code key}. */
    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** The long under {@code key}; {@code NoSuchElementException} when absent. */
    public long getLong(String key) {
        Object v = values.get(key);
        if (!(v instanceof Long l)) {
            throw new java.util.NoSuchElementException(key);
        }
        return l;
    }

    /** The string under {@code key}; {@code NoSuchElementException} when absent. */
    public String getString(String key) {
        Object v = values.get(key);
        if (!(v instanceof String s)) {
            throw new java.util.NoSuchElementException(key);
        }
        return s;
    }

    /** The double under {@code key}; {@code NoSuchElementException} when absent. */
    public double getDouble(String key) {
        Object v = values.get(key);
        if (!(v instanceof Double d)) {
            throw new java.util.NoSuchElementException(key);
        }
        return d;
    }

    /** The boolean under {@code key}; {@code NoSuchElementException} when absent. */
    public boolean getBoolean(String key) {
        Object v = values.get(key);
        if (!(v instanceof Boolean b)) {
            throw new java.util.NoSuchElementException(key);
        }
        return b;
    }

    /** Whether there are no entries. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    Map<String, Object> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metadata m && m.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The entries as compact JSON, as Spark's {@code Metadata.json}. */
    public String json() {
        StringBuilder b = new StringBuilder("{");
        values.forEach((k, v) -> {
            jsonString(b.append(b.length() > 1 ? "," : ""), k).append(':');
            if (v instanceof String s) {
                jsonString(b, s);
            } else {
                b.append(v);
            }
        });
        return b.append('}').toString();
    }

    @Override
    public String toString() {
        return json();
    }

    /** Appends {@code s} as a JSON string literal (offheap has no JSON library). */
    private static StringBuilder jsonString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }
}
