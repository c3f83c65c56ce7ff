package io.tideway.sql.types;

/**
 * {@code char(n)}, Spark's {@code CharType}: a string type whose declared length Spark keeps in a
 * table schema (values padded with spaces to {@code n}, longer ones refused on write). Like Spark
 * 4 (without {@code spark.sql.preserveCharVarcharTypeInfo}), Tideway reads it as a plain
 * {@code string} in queries and casts. Immutable; equal by length.
 */
public final class CharType extends StringType {
    private static final long serialVersionUID = 1L;
    private final int length;

    /** {@code char(length)}; a negative length fails as Spark's {@code require} does. */
    public CharType(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("requirement failed: The length of char type cannot be negative.");
        }
        this.length = length;
    }

    /** Spark's {@code CharType.apply(length)}. */
    public static CharType apply(int length) {
        return new CharType(length);
    }

    /** The declared length. */
    public int length() {
        return length;
    }

    @Override
    public String typeName() {
        return "char(" + length + ")";
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
        return "CharType(" + length + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharType c && c.length == length;
    }

    @Override
    public int hashCode() {
        return 31 * CharType.class.hashCode() + length;
    }
}
