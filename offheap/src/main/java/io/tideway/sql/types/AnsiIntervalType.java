package io.tideway.sql.types;

/** The ANSI interval types (year-month and day-time), as Spark's {@code AnsiIntervalType}. Immutable. */
public abstract class AnsiIntervalType extends AtomicType {
    private static final long serialVersionUID = 1L;

    AnsiIntervalType() {
    }
}
