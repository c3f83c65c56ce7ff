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
    /** Spark's metadata keys of a column's defaults ({@code ResolveDefaultColumnsUtils}). */
    private static final String CURRENT_DEFAULT = "CURRENT_DEFAULT";
    private static final String EXISTS_DEFAULT = "EXISTS_DEFAULT";

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

    /** The SQL text of the column's current default ({@code ALTER/CREATE ... DEFAULT}), if any, as Spark's. */
    public scala.Option<String> getCurrentDefaultValue() {
        return metadataString(CURRENT_DEFAULT);
    }

    /** This field with {@code value} as the SQL text of its current default. */
    public StructField withCurrentDefaultValue(String value) {
        return withMetadataEntry(CURRENT_DEFAULT, value);
    }

    /** This field without a current default. */
    public StructField clearCurrentDefaultValue() {
        return new StructField(name, dataType, nullable, new MetadataBuilder().withMetadata(metadata).remove(CURRENT_DEFAULT).build());
    }

    /** The SQL text of the default that rows written before the column existed read, if any. */
    public scala.Option<String> getExistenceDefaultValue() {
        return metadataString(EXISTS_DEFAULT);
    }

    /** This field with {@code value} as the SQL text of its existence default. */
    public StructField withExistenceDefaultValue(String value) {
        return withMetadataEntry(EXISTS_DEFAULT, value);
    }

    /** The default a SQL function's parameter declares (metadata key {@code default}), if any. */
    public scala.Option<String> getDefault() {
        return metadataString("default");
    }

    private scala.Option<String> metadataString(String key) {
        return metadata.contains(key) ? scala.Option.apply(metadata.getString(key)) : scala.Option.empty();
    }

    private StructField withMetadataEntry(String key, String value) {
        return new StructField(name, dataType, nullable, new MetadataBuilder().withMetadata(metadata).putString(key, value).build());
    }

    /** The field in a {@code STRUCT<...>} type: {@code name: TYPE[ NOT NULL][ COMMENT '...']}. */
    public String sql() {
        return quoteIfNeeded(name) + ": " + dataType.sql() + (nullable ? "" : " NOT NULL") + ddlComment();
    }

    /**
     * The field as DDL: {@code name TYPE[ NOT NULL][ DEFAULT expr][ COMMENT '...']}, as Spark's
     * {@code toDDL}; the default is {@link #getDefault()}, else the current default.
     */
    public String toDDL() {
        scala.Option<String> dflt = getDefault().isDefined() ? getDefault() : getCurrentDefaultValue();
        return quoteIfNeeded(name) + " " + dataType.sql() + (nullable ? "" : " NOT NULL")
                + (dflt.isDefined() ? " DEFAULT " + dflt.get() : "") + ddlComment();
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
