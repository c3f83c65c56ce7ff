package io.tideway.sql.types;

/** The {@code binary} type; use the singleton {@link DataTypes#BinaryType}. */
public final class BinaryType extends AtomicType {
    private static final long serialVersionUID = 1L;
    static final BinaryType INSTANCE = new BinaryType();

    private BinaryType() {
    }

    @Override
    public String typeName() {
        return "binary";
    }

    @Override
    public String simpleString() {
        return "binary";
    }

    @Override
    public boolean isFixedWidth() {
        return false;
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
        return 100;
    }
}
