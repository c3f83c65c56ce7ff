package io.tideway.sql.types;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds {@link Metadata}, as Spark's {@code MetadataBuilder}; a later put under a key replaces an
 * earlier one. Arrays are copied when put. Not thread-safe.
 */
public final class MetadataBuilder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Copies every entry of {@code m} into this builder, replacing entries under the same keys. */
    public MetadataBuilder withMetadata(Metadata m) {
        values.putAll(m.values());
        return this;
    }

    /** Stores a null under {@code key}. */
    public MetadataBuilder putNull(String key) {
        return put(key, null);
    }

    /** Stores {@code value} under {@code key}, replacing what was there. */
    public MetadataBuilder putLong(String key, long value) {
        return put(key, value);
    }

    /** Stores {@code value} under {@code key}, replacing what was there. */
    public MetadataBuilder putString(String key, String value) {
        return put(key, value);
    }

    /** Stores {@code value} under {@code key}, replacing what was there. */
    public MetadataBuilder putDouble(String key, double value) {
        return put(key, value);
    }

    /** Stores {@code value} under {@code key}, replacing what was there. */
    public MetadataBuilder putBoolean(String key, boolean value) {
        return put(key, value);
    }

    /** Stores nested metadata under {@code key}. */
    public MetadataBuilder putMetadata(String key, Metadata value) {
        return put(key, value);
    }

    /** Stores a copy of {@code value} under {@code key}. */
    public MetadataBuilder putLongArray(String key, long[] value) {
        return put(key, value.clone());
    }

    /** Stores a copy of {@code value} under {@code key}. */
    public MetadataBuilder putDoubleArray(String key, double[] value) {
        return put(key, value.clone());
    }

    /** Stores a copy of {@code value} under {@code key}. */
    public MetadataBuilder putBooleanArray(String key, boolean[] value) {
        return put(key, value.clone());
    }

    /** Stores a copy of {@code value} under {@code key}. */
    public MetadataBuilder putStringArray(String key, String[] value) {
        return put(key, value.clone());
    }

    /** Stores a copy of {@code value} under {@code key}. */
    public MetadataBuilder putMetadataArray(String key, Metadata[] value) {
        return put(key, value.clone());
    }

    /** Drops the entry under {@code key}, if any. */
    public MetadataBuilder remove(String key) {
        values.remove(key);
        return this;
    }

    /** The metadata holding the entries put so far; the builder may be reused afterwards. */
    public Metadata build() {
        return values.isEmpty() ? Metadata.empty() : new Metadata(values);
    }

    MetadataBuilder put(String key, Object value) {
        values.put(key, value);
        return this;
    }
}
