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

    /** This field with {@code comment} in its metadata, as Spark's {@code withComment}. */
    public StructField withComment(String comment) {
        return new StructField(name, dataType, nullable, new MetadataBuilder().withMetadata(metadata).putString("comment", comment).build());
    }

    /** The field in a {@code STRUCT<...>} type: {@code name: TYPE[ NOT NULL][ COMMENT '...']}. */
    String sql() {
        return quoteIfNeeded(name) + ": " + dataType.sql() + (nullable ? "" : " NOT NULL") + ddlComment();
    }

    /** The field as DDL: {@code name TYPE[ NOT NULL][ COMMENT '...']}, as Spark's {@code toDDL}. */
    public String toDDL() {
        return quoteIfNeeded(name) + " " + dataType.sql() + (nullable ? "" : " NOT NULL") + ddlComment();
    }

    private String ddlComment() {
        return metadata.contains("comment") ? " COMMENT '" + metadata.getString("comment").replace("'", "\\'") + "'" : "";
    }

    /** A name as SQL text needs it: bare when it is an identifier (a letter or underscore, then letters, digits, underscores), else in backquotes. */
    public static String quoteIfNeeded(String name) {
        return name.matches("[a-zA-Z_][a-zA-Z0-9_]*") ? name : "`" + name.replace("`", "``") + "`";
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
