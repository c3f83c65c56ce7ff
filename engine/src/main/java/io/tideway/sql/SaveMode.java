package io.tideway.sql;

/**
 * What a batch write does when its output already exists, mirroring Spark's {@code SaveMode}:
 * add to it, replace it, fail ({@code ErrorIfExists}, the default), or do nothing.
 */
public enum SaveMode {
    /** Adds the new rows to the existing output. */
    Append,
    /** Replaces the existing output with the new rows. */
    Overwrite,
    /**
     * Fails when the output exists, with Spark's {@code [PATH_ALREADY_EXISTS]} or
     * {@code [TABLE_OR_VIEW_ALREADY_EXISTS]}; the default.
     */
    ErrorIfExists,
    /** Writes nothing, silently, when the output exists. */
    Ignore
}
