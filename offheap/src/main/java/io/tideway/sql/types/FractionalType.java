package io.tideway.sql.types;

/** The types with a fraction ({@code float}, {@code double}, {@code decimal}), as Spark's {@code FractionalType}. Immutable. */
public abstract class FractionalType extends NumericType {
    private static final long serialVersionUID = 1L;

    FractionalType() {
    }
}
