package io.tideway.sql.types;

import java.io.Serializable;
import java.util.Objects;

/** One named field of a {@link StructType}, mirroring Spark's {@code StructField}. Immutable. */
public final class StructField implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final DataType dataType;
    private final boolean nullable;
    private final Metadata metadata;

    public StructField(String name, DataType dataType, boolean nullable, Metadata metadata) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataType = Objects.requireNonNull(dataType, "dataType");
        this.nullable = nullable;
        this.metadata = metadata == null ? Metadata.empty() : metadata;
    }

    public StructField(String name, DataType dataType, boolean nullable) {
        this(name, dataType, nullable, Metadata.empty());
    }

    public String name() {
        return name;
    }

    public DataType dataType() {
        return dataType;
    }

    public boolean nullable() {
        return nullable;
    }

    public Metadata metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "StructField(" + name + "," + dataType + "," + nullable + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructField f && f.name.equals(name) && f.dataType.equals(dataType) && f.nullable == nullable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dataType, nullable);
    }
}
