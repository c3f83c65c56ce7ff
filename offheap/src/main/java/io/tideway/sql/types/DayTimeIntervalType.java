package io.tideway.sql.types;

/**
 * A day-time interval such as {@code INTERVAL '1' HOUR} (Spark's {@code DayTimeIntervalType}),
 * held as microseconds; a timestamp plus or minus one is a timestamp. Use the singleton
 * {@link DataTypes#DayTimeIntervalType}.
 */
public final class DayTimeIntervalType extends DataType {
    private static final long serialVersionUID = 1L;
    static final DayTimeIntervalType INSTANCE = new DayTimeIntervalType();

    private DayTimeIntervalType() {
    }

    @Override
    public String typeName() {
        return "interval day to second";
    }

    @Override
    public String simpleString() {
        return "interval day to second";
    }

    @Override
    public boolean isFixedWidth() {
        return true;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
