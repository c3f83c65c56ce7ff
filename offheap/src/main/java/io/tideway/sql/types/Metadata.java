package io.tideway.sql.types;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Field metadata (Spark's {@code Metadata}): named values a field carries through the plan, each
 * a long, double, boolean, string, nested metadata, an array of one of those, or null. Tideway
 * uses it as Spark does for the event-time column of {@code withWatermark}
 * ({@code spark.watermarkDelayMs}) and for column comments. Immutable (arrays are copied in and
 * out); build one with {@link MetadataBuilder} or {@link #fromJson}.
 */
public final class Metadata implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Metadata EMPTY = new Metadata(Map.of());
    private final Map<String, Object> values;

    Metadata(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(ScalaMapOrder.order(values));
    }

    /** The metadata with no entries, which a field has unless given other. */
    public static Metadata empty() {
        return EMPTY;
    }

    /**
     * Metadata from its JSON object, as Spark's {@code Metadata.fromJson}: integers become longs,
     * other numbers doubles, objects nested metadata; an empty array is a long array.
     */
    public static Metadata fromJson(String json) {
        Object tree = JsonParser.parse(json);
        if (!(tree instanceof Map<?, ?> m)) {
            throw new ClassCastException("not a JSON object: " + json);
        }
        return fromTree(m);
    }

    /** Metadata from a parsed JSON object. */
    static Metadata fromTree(Map<?, ?> tree) {
        MetadataBuilder b = new MetadataBuilder();
        tree.forEach((k, v) -> b.put((String) k, fromJsonValue(v)));
        return b.build();
    }

    private static Object fromJsonValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return fromTree(m);
        }
        if (!(v instanceof List<?> l)) {
            return v;
        }
        if (l.isEmpty() || l.get(0) instanceof Long) {
            return l.stream().mapToLong(x -> (Long) x).toArray();
        }
        Object head = l.get(0);
        if (head instanceof Double) {
            return l.stream().mapToDouble(x -> (Double) x).toArray();
        }
        if (head instanceof Boolean) {
            boolean[] a = new boolean[l.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = (Boolean) l.get(i);
            }
            return a;
        }
        if (head instanceof String) {
            return l.toArray(new String[0]);
        }
        if (head instanceof Map<?, ?>) {
            return l.stream().map(x -> fromTree((Map<?, ?>) x)).toArray(Metadata[]::new);
        }
        throw new IllegalArgumentException("Unsupported type of metadata array: " + head);
    }

    /** Whether a value (possibly null) is stored under {@code key}. */
    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** Whether there are no entries. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The long under {@code key}; {@code NoSuchElementException} when absent, {@code ClassCastException} when another type. */
    public long getLong(String key) {
        return (Long) get(key);
    }

    /** The double under {@code key}. */
    public double getDouble(String key) {
        return (Double) get(key);
    }

    /** The boolean under {@code key}. */
    public boolean getBoolean(String key) {
        return (Boolean) get(key);
    }

    /** The string under {@code key}. */
    public String getString(String key) {
        return (String) get(key);
    }

    /** The nested metadata under {@code key}. */
    public Metadata getMetadata(String key) {
        return (Metadata) get(key);
    }

    /** The long array under {@code key}, as a copy. */
    public long[] getLongArray(String key) {
        return ((long[]) get(key)).clone();
    }

    /** The double array under {@code key}, as a copy. */
    public double[] getDoubleArray(String key) {
        return ((double[]) get(key)).clone();
    }

    /** The boolean array under {@code key}, as a copy. */
    public boolean[] getBooleanArray(String key) {
        return ((boolean[]) get(key)).clone();
    }

    /** The string array under {@code key}, as a copy. */
    public String[] getStringArray(String key) {
        return ((String[]) get(key)).clone();
    }

    /** The metadata array under {@code key}, as a copy. */
    public Metadata[] getMetadataArray(String key) {
        return ((Metadata[]) get(key)).clone();
    }

    private Object get(String key) {
        if (!values.containsKey(key)) {
            throw new NoSuchElementException("key not found: " + key);
        }
        return values.get(key);
    }

    /** The entries, for {@link MetadataBuilder#withMetadata}. */
    Map<String, Object> values() {
        return values;
    }

    /** The entries as compact JSON, as Spark's {@code Metadata.json}. */
    public String json() {
        return JsonWriter.compact(jsonValue());
    }

    /** The JSON value tree of the entries. */
    Map<String, Object> jsonValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, toJsonValue(v)));
        return m;
    }

    private static Object toJsonValue(Object v) {
        if (v instanceof Metadata md) {
            return md.jsonValue();
        }
        if (v instanceof long[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (v instanceof double[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (v instanceof boolean[] a) {
            List<Object> l = new ArrayList<>();
            for (boolean x : a) {
                l.add(x);
            }
            return l;
        }
        if (v instanceof Object[] a) {
            return Arrays.stream(a).map(Metadata::toJsonValue).toList();
        }
        return v;
    }

    @Override
    public String toString() {
        return json();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Metadata m) || m.values.size() != values.size()) {
            return false;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!m.values.containsKey(e.getKey()) || !Objects.deepEquals(e.getValue(), m.values.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.deepHashCode(new Object[]{e.getValue()});
        }
        return h;
    }
}
