package io.tideway.types.variant;

/** An object with a repeated key while repeats are refused (Spark's {@code VARIANT_DUPLICATE_KEY}). */
public final class VariantDuplicateKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public VariantDuplicateKeyException(String key) {
        super("Failed to build variant because of a duplicate object key `" + key + "`.");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
