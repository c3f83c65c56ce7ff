package io.tideway.sql.types;

import java.io.Serializable;

/**
 * The type of a column, mirroring {@code org.apache.spark.sql.types.DataType}. Instances are
 * immutable and safe to share between threads.
 */
public abstract class DataType implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Name used by {@code printSchema()}, e.g. {@code integer}, {@code long}, {@code array}. */
    public abstract String typeName();

    /** Short SQL-like name, e.g. {@code int}, {@code bigint}, {@code array<string>}. */
    public abstract String simpleString();

    /** Name used in DDL and {@code cast(... as T)}; the same as {@link #simpleString()} here. */
    public String catalogString() {
        return simpleString();
    }

    /** Spark's {@code sql}: the type as SQL text and error messages write it ({@code INT}, {@code ARRAY<STRING>}, {@code DECIMAL(10,2)}). */
    public String sql() {
        return simpleString().toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether values of this type live in the row's fixed 8-byte slot (not the variable region). */
    public abstract boolean isFixedWidth();

    /** Whether this type is numeric (arithmetic and sum/avg apply). */
    public boolean isNumeric() {
        return false;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
