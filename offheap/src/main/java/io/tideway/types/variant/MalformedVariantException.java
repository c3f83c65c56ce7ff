package io.tideway.types.variant;

/** A variant binary that does not follow the encoding (Spark's {@code MALFORMED_VARIANT}). */
public final class MalformedVariantException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedVariantException() {
        super("Variant binary is malformed. Please check the data source is valid.");
    }
}
