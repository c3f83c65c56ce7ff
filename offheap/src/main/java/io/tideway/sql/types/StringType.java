package io.tideway.sql.types;

/**
 * The {@code string} type; use the singleton {@link DataTypes#StringType}. {@link CharType} and
 * {@link VarcharType} extend it, as in Spark 4, which reads them as strings almost everywhere.
 */
public class StringType extends AtomicType {
    private static final long serialVersionUID = 1L;
    static final StringType INSTANCE = new StringType();

    StringType() {
    }

    @Override
    public String typeName() {
        return "string";
    }

    @Override
    public String simpleString() {
        return "string";
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
        return 20;
    }
}
