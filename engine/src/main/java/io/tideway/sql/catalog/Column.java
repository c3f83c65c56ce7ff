package io.tideway.sql.catalog;

import java.io.Serializable;

/** A column of a table, a row of {@link Catalog#listColumns(String)}, as Spark's {@code catalog.Column}. Immutable. */
public class Column implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String description;
    private final String dataType;
    private final boolean nullable;
    private final boolean isPartition;
    private final boolean isBucket;
    private final boolean isCluster;

    public Column(String name, String description, String dataType, boolean nullable, boolean isPartition,
                  boolean isBucket, boolean isCluster) {
        this.name = name;
        this.description = description;
        this.dataType = dataType;
        this.nullable = nullable;
        this.isPartition = isPartition;
        this.isBucket = isBucket;
        this.isCluster = isCluster;
    }

    public Column(String name, String description, String dataType, boolean nullable, boolean isPartition, boolean isBucket) {
        this(name, description, dataType, nullable, isPartition, isBucket, false);
    }

    public String name() {
        return name;
    }

    /** The column's comment, or null. */
    public String description() {
        return description;
    }

    /** The column's type as Spark's {@code catalogString} ({@code int}, {@code array<string>}). */
    public String dataType() {
        return dataType;
    }

    public boolean nullable() {
        return nullable;
    }

    public boolean isPartition() {
        return isPartition;
    }

    public boolean isBucket() {
        return isBucket;
    }

    public boolean isCluster() {
        return isCluster;
    }

    @Override
    public String toString() {
        return "Column[name='" + name + "', " + (description == null ? "" : "description='" + description + "', ")
                + "dataType='" + dataType + "', nullable='" + nullable + "', isPartition='" + isPartition
                + "', isBucket='" + isBucket + "', isCluster='" + isCluster + "']";
    }
}
