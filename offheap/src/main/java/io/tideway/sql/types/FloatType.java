package io.tideway.sql.types;

/**
 * The {@code float} type (32-bit IEEE), as Spark's {@code FloatType}; use the singleton
 * {@link DataTypes#FloatType}. In a row its value fills the field's 8-byte slot (as the double it
 * equals exactly). Immutable.
 */
public final class FloatType extends FractionalType {
    private static final long serialVersionUID = 1L;
    static final FloatType INSTANCE = new FloatType();

    private FloatType() {
    }

    @Override
    public String typeName() {
        return "float";
    }

    @Override
    public String simpleString() {
        return "float";
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /** Spark's size estimate of a value, in bytes. */
    @Override
    public int defaultSize() {
        return 4;
    }
}
