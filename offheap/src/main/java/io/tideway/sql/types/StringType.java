package io.tideway.sql.types;

/** The {@code string} type; use the singleton {@link DataTypes#StringType}. */
public final class StringType extends DataType {
    private static final long serialVersionUID = 1L;
    static final StringType INSTANCE = new StringType();

    private StringType() {
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
}
