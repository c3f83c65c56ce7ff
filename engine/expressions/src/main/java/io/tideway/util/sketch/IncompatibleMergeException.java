package io.tideway.util.sketch;

/**
 * Two sketches that cannot be merged (different sizes, hash functions or seeds), as Spark's
 * {@code org.apache.spark.util.sketch.IncompatibleMergeException}.
 */
public class IncompatibleMergeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with Spark's message for the mismatch. */
    public IncompatibleMergeException(String message) {
        super(message);
    }
}
