package io.tideway.sql.types;

/**
 * The numeric types, as Spark's {@code NumericType}: {@code tinyint}, {@code smallint},
 * {@code int}, {@code bigint}, {@code float}, {@code double} and {@code decimal}. A value fills its
 * field's 8-byte slot in a row, except a decimal of more than 18 digits. Immutable.
 */
public abstract class NumericType extends AtomicType {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isNumeric() {
        return true;
    }

    @Override
    public boolean isFixedWidth() {
        return true;
    }
}
