package io.tideway.sql;

import io.tideway.sql.types.StructType;

import java.io.Serializable;

/**
 * Converts between JVM objects of type {@code T} and Tideway's binary rows, mirroring Spark's
 * {@code Encoder}. Obtain one from {@link Encoders}. Immutable and thread-safe.
 */
public interface Encoder<T> extends Serializable {
    StructType schema();

    Class<T> clsTag();
}
