package io.tideway.sql.types;

/**
 * {@code varchar(n)}, Spark's {@code VarcharType}: a string type whose declared maximum length Spark keeps in a
 * table schema (longer values refused on write, trailing spaces beyond it trimmed). Like Spark
 * 4 (without {@code spark.sql.preserveCharVarcharTypeInfo}), Tideway reads it as a plain
 * {@code string} in queries and casts. Immutable; equal by length.
 */
public final class VarcharType extends DeclaredLengthStringType {
    private static final long serialVersionUID = 1L;

    /** {@code varchar(length)}; a negative length fails as Spark's {@code require} does. */
    public VarcharType(int length) {
        super("varchar", length);
    }

    /** Spark's {@code VarcharType.apply(length)}. */
    public static VarcharType apply(int length) {
        return new VarcharType(length);
    }
}
