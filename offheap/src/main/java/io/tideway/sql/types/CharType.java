package io.tideway.sql.types;

/**
 * {@code char(n)}, Spark's {@code CharType}: a string type whose declared length Spark keeps in a
 * table schema (values padded with spaces to {@code n}, longer ones refused on write). Like Spark
 * 4 (without {@code spark.sql.preserveCharVarcharTypeInfo}), Tideway reads it as a plain
 * {@code string} in queries and casts. Immutable; equal by length.
 */
public final class CharType extends DeclaredLengthStringType {
    private static final long serialVersionUID = 1L;

    /** {@code char(length)}; a negative length fails as Spark's {@code require} does. */
    public CharType(int length) {
        super("char", length);
    }

    /** Spark's {@code CharType.apply(length)}. */
    public static CharType apply(int length) {
        return new CharType(length);
    }
}
