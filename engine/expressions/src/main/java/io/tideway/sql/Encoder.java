package io.tideway.sql;

import io.tideway.sql.types.StructType;

import java.io.Serializable;

/**
 * Converts between JVM objects of type {@code T} and Tideway's binary rows, mirroring Spark's
 * {@code Encoder}. Obtain one from {@code Encoders}. Immutable and thread-safe.
 */
public interface Encoder<T> extends Serializable {
    /**
     * The columns an object of {@code T} is stored as: a bean's properties, a tuple's {@code _1},
     * {@code _2}, ..., or a single {@code value} column for a primitive or a string.
     */
    StructType schema();

    /** The class of {@code T}, as Spark's: a {@code scala.reflect.ClassTag} ({@code clsTag().runtimeClass()}). */
    scala.reflect.ClassTag<T> clsTag();
}
