package io.tideway.sql.types;

/**
 * The non-nested types with an ordering, as Spark's {@code AtomicType}: numbers, strings, binary,
 * boolean, dates and timestamps, ANSI intervals and variant. User code may test
 * {@code instanceof AtomicType} as with Spark. Immutable.
 */
public abstract class AtomicType extends DataType {
    private static final long serialVersionUID = 1L;

    AtomicType() {
    }
}
