package io.tideway.sql.types;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link Metadata}, as Spark's {@code MetadataBuilder}. Not thread-safe. */
public final class MetadataBuilder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Copies every entry of {@code m} into this builder, replacing entries under the same keys. */
    public MetadataBuilder withMetadata(Metadata m) {
        values.putAll(m.values());
        return this;
    }

    /** Stores {@code value} under {@code key}, replacing what was there. */
    public MetadataBuilder putLong(String key, long value) {
        values.put(key, value);
        return this;
    }

    /** Stores {@code value} under {@code key}, replacing what was there. */
    public MetadataBuilder putString(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** Stores {@code value} under {@code key}, replacing what was there. */
    public MetadataBuilder putDouble(String key, double value) {
        values.put(key, value);
        return this;
    }

    /** Stores {@code value} under {@code key}, replacing what was there. */
    public MetadataBuilder putBoolean(String key, boolean value) {
        values.put(key, value);
        return this;
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
}
