package io.tideway.sql.types;

/** The {@code boolean} type; use the singleton {@link DataTypes#BooleanType}. */
public final class BooleanType extends AtomicType {
    private static final long serialVersionUID = 1L;
    static final BooleanType INSTANCE = new BooleanType();

    private BooleanType() {
    }

    @Override
    public String typeName() {
        return "boolean";
    }

    @Override
    public String simpleString() {
        return "boolean";
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
