package io.tideway.sql.types;

/** The integer types ({@code tinyint}, {@code smallint}, {@code int}, {@code bigint}), as Spark's {@code IntegralType}. Immutable. */
public abstract class IntegralType extends NumericType {
    private static final long serialVersionUID = 1L;

    IntegralType() {
    }
}
