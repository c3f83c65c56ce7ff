package io.tideway.sql.types;

/**
 * The {@code smallint} type (16-bit), as Spark's {@code ShortType}; use the singleton
 * {@link DataTypes#ShortType}. In a row its value fills the field's 8-byte slot (sign-extended to a long). Immutable.
 */
public final class ShortType extends IntegralType {
    private static final long serialVersionUID = 1L;
    static final ShortType INSTANCE = new ShortType();

    private ShortType() {
    }

    @Override
    public String typeName() {
        return "short";
    }

    @Override
    public String simpleString() {
        return "smallint";
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /** Spark's size estimate of a value, in bytes. */
    @Override
    public int defaultSize() {
        return 2;
    }
}
