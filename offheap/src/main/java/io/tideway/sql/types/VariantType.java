package io.tideway.sql.types;

/**
 * Spark 4.0's {@code VariantType} ({@code variant}): a semi-structured value in Spark's binary
 * variant encoding (a value binary and a metadata binary, see
 * {@code io.tideway.types.variant.VariantFormat}). A row holds both in one field of its variable
 * region ({@code io.tideway.types.variant.VariantLayout}); collected as a
 * {@code io.tideway.unsafe.types.VariantVal}. Use the singleton {@link DataTypes#VariantType}.
 */
public final class VariantType extends AtomicType {
    private static final long serialVersionUID = 1L;
    static final VariantType INSTANCE = new VariantType();

    private VariantType() {
    }

    @Override
    public String typeName() {
        return "variant";
    }

    @Override
    public String simpleString() {
        return "variant";
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
        return 2048;
    }
}
