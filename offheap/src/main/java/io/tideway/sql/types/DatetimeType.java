package io.tideway.sql.types;

/** {@code date}, {@code timestamp} and {@code timestamp_ntz}, as Spark's {@code DatetimeType}. Immutable. */
public abstract class DatetimeType extends AtomicType {
    private static final long serialVersionUID = 1L;

    DatetimeType() {
    }
}
