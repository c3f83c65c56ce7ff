package io.tideway.sql.types;

/** The {@code double} type; use the singleton {@link DataTypes#DoubleType}. */
public final class DoubleType extends FractionalType {
    private static final long serialVersionUID = 1L;
    static final DoubleType INSTANCE = new DoubleType();

    private DoubleType() {
    }

    @Override
    public String typeName() {
        return "double";
    }

    @Override
    public String simpleString() {
        return "double";
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /** Spark's size estimate of a value, in bytes. */
    @Override
    public int defaultSize() {
        return 8;
    }
}
