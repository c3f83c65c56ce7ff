package io.tideway.sql.types;

/**
 * {@code varchar(n)}, Spark's {@code VarcharType}: a string type whose declared maximum length Spark keeps in a
 * table schema (longer values refused on write, trailing spaces beyond it trimmed). Like Spark
 * 4 (without {@code spark.sql.preserveCharVarcharTypeInfo}), Tideway reads it as a plain
 * {@code string} in queries and casts. Immutable; equal by length.
 */
public final class VarcharType extends StringType {
    private static final long serialVersionUID = 1L;
    private final int length;

    /** {@code varchar(length)}; a negative length fails as Spark's {@code require} does. */
    public VarcharType(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("requirement failed: The length of varchar type cannot be negative.");
        }
        this.length = length;
    }

    /** Spark's {@code VarcharType.apply(length)}. */
    public static VarcharType apply(int length) {
        return new VarcharType(length);
    }

    /** The declared length. */
    public int length() {
        return length;
    }

    @Override
    public String typeName() {
        return "varchar(" + length + ")";
    }

    @Override
    public String simpleString() {
        return typeName();
    }

    /** Spark's estimate: the declared length. */
    @Override
    public int defaultSize() {
        return length;
    }

    @Override
    public String toString() {
        return "VarcharType(" + length + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VarcharType c && c.length == length;
    }

    @Override
    public int hashCode() {
        return 31 * VarcharType.class.hashCode() + length;
    }
}
