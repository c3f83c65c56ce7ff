package io.tideway.sql.types;

/**
 * Spark's {@code TimestampNTZType} ({@code timestamp_ntz}): a local date-time without a time zone,
 * held as microseconds since 1970-01-01T00:00 of that wall clock (a long). Collected as a
 * {@link java.time.LocalDateTime}. Use the singleton {@link DataTypes#TimestampNTZType}.
 */
public final class TimestampNTZType extends DatetimeType {
    private static final long serialVersionUID = 1L;
    static final TimestampNTZType INSTANCE = new TimestampNTZType();

    private TimestampNTZType() {
    }

    @Override
    public String typeName() {
        return "timestamp_ntz";
    }

    @Override
    public String simpleString() {
        return "timestamp_ntz";
    }

    @Override
    public boolean isFixedWidth() {
        return true;
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
