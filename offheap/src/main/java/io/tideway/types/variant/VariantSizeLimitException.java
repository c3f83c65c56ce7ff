package io.tideway.types.variant;

/** A variant binary would exceed {@link VariantFormat#SIZE_LIMIT} (Spark's {@code VARIANT_SIZE_LIMIT}). */
public final class VariantSizeLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VariantSizeLimitException() {
        super("variant binary larger than " + VariantFormat.SIZE_LIMIT + " bytes");
    }
}
