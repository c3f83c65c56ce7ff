package io.tideway.sql.types;

/** The {@code int} type; use the singleton {@link DataTypes#IntegerType}. */
public final class IntegerType extends IntegralType {
    private static final long serialVersionUID = 1L;
    static final IntegerType INSTANCE = new IntegerType();

    private IntegerType() {
    }

    @Override
    public String typeName() {
        return "integer";
    }

    @Override
    public String simpleString() {
        return "int";
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
