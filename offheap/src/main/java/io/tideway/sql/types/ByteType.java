package io.tideway.sql.types;

/**
 * The {@code tinyint} type (8-bit), as Spark's {@code ByteType}; use the singleton
 * {@link DataTypes#ByteType}. In a row its value fills the field's 8-byte slot (sign-extended to a long). Immutable.
 */
public final class ByteType extends IntegralType {
    private static final long serialVersionUID = 1L;
    static final ByteType INSTANCE = new ByteType();

    private ByteType() {
    }

    @Override
    public String typeName() {
        return "byte";
    }

    @Override
    public String simpleString() {
        return "tinyint";
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /** Spark's size estimate of a value, in bytes. */
    @Override
    public int defaultSize() {
        return 1;
    }
}
