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

    /**
     * A field named {@code name} of type {@code dataType}; a null {@code metadata} means
     * {@link Metadata#empty()}.
     */
    public StructField(String name, DataType dataType, boolean nullable, Metadata metadata) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataType = Objects.requireNonNull(dataType, "dataType");
        this.nullable = nullable;
        this.metadata = metadata == null ? Metadata.empty() : metadata;
    }

    /** A field with no metadata. */
    public StructField(String name, DataType dataType, boolean nullable) {
        this(name, dataType, nullable, Metadata.empty());
    }

    /** The field's name, as given. */
    public String name() {
        return name;
    }

    /** The type of the field's values. */
    public DataType dataType() {
        return dataType;
    }

    /** Whether the field's value may be null. */
    public boolean nullable() {
        return nullable;
    }

    /** The field's metadata, {@link Metadata#empty()} when none was given. */
    public Metadata metadata() {
        return metadata;
    }

    /** This field with {@code comment} in its metadata, as Spark's {@code withComment}. */
    public StructField withComment(String comment) {
        return new StructField(name, dataType, nullable, new MetadataBuilder().withMetadata(metadata).putString("comment", comment).build());
    }

    /** The comment in the field's metadata, if any, as Spark's {@code getComment}. */
    public scala.Option<String> getComment() {
        // a null comment reads as none, as Spark's Option(null)
        return metadata.contains("comment") ? scala.Option.apply(metadata.getString("comment")) : scala.Option.empty();
    }

    /** The field in a {@code STRUCT<...>} type: {@code name: TYPE[ NOT NULL][ COMMENT '...']}. */
    public String sql() {
        return quoteIfNeeded(name) + ": " + dataType.sql() + (nullable ? "" : " NOT NULL") + ddlComment();
    }

    /** The field as DDL: {@code name TYPE[ NOT NULL][ COMMENT '...']}, as Spark's {@code toDDL}. */
    public String toDDL() {
        return quoteIfNeeded(name) + " " + dataType.sql() + (nullable ? "" : " NOT NULL") + ddlComment();
    }

    private String ddlComment() {
        scala.Option<String> comment = getComment();
        return comment.isDefined() ? " COMMENT '" + comment.get().replace("'", "\\'") + "'" : "";
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
