package io.tideway.sql.types;

import java.io.Serializable;

/**
 * The root of Spark's type hierarchy ({@code org.apache.spark.sql.types.AbstractDataType}), above
 * {@link DataType}: Spark uses it for the type sets a function accepts; a Java user can only name
 * it. Immutable.
 */
public abstract class AbstractDataType implements Serializable {
    private static final long serialVersionUID = 1L;

    AbstractDataType() {
    }
}
