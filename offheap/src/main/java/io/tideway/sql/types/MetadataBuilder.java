package io.tideway.sql.types;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link Metadata}, as Spark's {@code MetadataBuilder}. Not thread-safe. */
public final class MetadataBuilder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public MetadataBuilder withMetadata(Metadata m) {
        values.putAll(m.values());
        return this;
    }

    public MetadataBuilder putLong(String key, long value) {
        values.put(key, value);
        return this;
    }

    public MetadataBuilder putString(String key, String value) {
        values.put(key, value);
        return this;
    }

    public MetadataBuilder remove(String key) {
        values.remove(key);
        return this;
    }

    public Metadata build() {
        return values.isEmpty() ? Metadata.empty() : new Metadata(values);
    }
}
