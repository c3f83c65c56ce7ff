package io.tideway.unsafe.types;

import io.tideway.types.variant.Variant;

import java.io.Serializable;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A value of {@code VariantType}, mirroring Spark's {@code org.apache.spark.unsafe.types.VariantVal}:
 * the value and metadata binaries of the variant encoding. {@link #toString()} is the JSON text
 * (timestamps in UTC). Immutable; the arrays are not copied and must not be changed.
 */
public final class VariantVal implements Serializable {
    private static final long serialVersionUID = 1L;
    private final byte[] value;
    private final byte[] metadata;

    public VariantVal(byte[] value, byte[] metadata) {
        this.value = value;
        this.metadata = metadata;
    }

    public byte[] getValue() {
        return value;
    }

    public byte[] getMetadata() {
        return metadata;
    }

    /** The JSON text with timestamps in {@code zone}. */
    public String toJson(ZoneId zone) {
        return new Variant(value, metadata).toJson(zone);
    }

    @Override
    public String toString() {
        return toJson(ZoneOffset.UTC);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariantVal v && Arrays.equals(v.value, value) && Arrays.equals(v.metadata, metadata);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(value) + Arrays.hashCode(metadata);
    }
}
