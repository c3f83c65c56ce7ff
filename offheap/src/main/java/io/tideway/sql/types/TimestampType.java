package io.tideway.sql.types;

/** The {@code timestamp} type; use the singleton {@link DataTypes#TimestampType}. */
public final class TimestampType extends DatetimeType {
    private static final long serialVersionUID = 1L;
    static final TimestampType INSTANCE = new TimestampType();

    private TimestampType() {
    }

    @Override
    public String typeName() {
        return "timestamp";
    }

    @Override
    public String simpleString() {
        return "timestamp";
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
        return 8;
    }
}
