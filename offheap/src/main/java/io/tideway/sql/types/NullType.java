package io.tideway.sql.types;

/** The {@code void} type; use the singleton {@link DataTypes#NullType}. */
public final class NullType extends DataType {
    private static final long serialVersionUID = 1L;
    static final NullType INSTANCE = new NullType();

    private NullType() {
    }

    @Override
    public String typeName() {
        return "void";
    }

    @Override
    public String simpleString() {
        return "void";
    }

    @Override
    public boolean isFixedWidth() {
        return true;
    }

    @Override
    public boolean isNumeric() {
        return false;
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
