package io.tideway.sql.types;

/** The {@code bigint} type; use the singleton {@link DataTypes#LongType}. */
public final class LongType extends IntegralType {
    private static final long serialVersionUID = 1L;
    static final LongType INSTANCE = new LongType();

    private LongType() {
    }

    @Override
    public String typeName() {
        return "long";
    }

    @Override
    public String simpleString() {
        return "bigint";
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
