package io.tideway.sql.types;

/**
 * Spark's {@code CalendarIntervalType} ({@code interval}): months, days and microseconds kept
 * apart, as {@code make_interval} builds them; a row holds the three in 16 bytes of its variable
 * region (int months, int days, long microseconds). Collected as a
 * {@code io.tideway.unsafe.types.CalendarInterval}. Use the singleton
 * {@link DataTypes#CalendarIntervalType}.
 */
public final class CalendarIntervalType extends DataType {
    private static final long serialVersionUID = 1L;
    static final CalendarIntervalType INSTANCE = new CalendarIntervalType();

    private CalendarIntervalType() {
    }

    @Override
    public String typeName() {
        return "interval";
    }

    @Override
    public String simpleString() {
        return "interval";
    }

    @Override
    public boolean isFixedWidth() {
        return false;
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /** Spark's size estimate of a value, in bytes. */
    @Override
    public int defaultSize() {
        return 16;
    }
}
