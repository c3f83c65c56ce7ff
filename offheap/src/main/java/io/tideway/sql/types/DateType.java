package io.tideway.sql.types;

/** The {@code date} type; use the singleton {@link DataTypes#DateType}. */
public final class DateType extends DatetimeType {
    private static final long serialVersionUID = 1L;
    static final DateType INSTANCE = new DateType();

    private DateType() {
    }

    @Override
    public String typeName() {
        return "date";
    }

    @Override
    public String simpleString() {
        return "date";
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
        return 4;
    }
}
