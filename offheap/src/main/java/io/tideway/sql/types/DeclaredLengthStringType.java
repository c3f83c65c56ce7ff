package io.tideway.sql.types;

/**
 * What {@link CharType} and {@link VarcharType} share: a string type with a declared length,
 * named {@code kind(n)}, equal by class and length. Immutable.
 */
abstract class DeclaredLengthStringType extends StringType {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final int length;

    /** A negative length fails as Spark's {@code require} does. */
    DeclaredLengthStringType(String kind, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("requirement failed: The length of " + kind + " type cannot be negative.");
        }
        this.kind = kind;
        this.length = length;
    }

    /** The declared length. */
    public int length() {
        return length;
    }

    @Override
    public String typeName() {
        return kind + "(" + length + ")";
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

    /** Spark's case-class text, {@code CharType(5)}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + length + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((DeclaredLengthStringType) o).length == length;
    }

    @Override
    public int hashCode() {
        return 31 * getClass().hashCode() + length;
    }
}
