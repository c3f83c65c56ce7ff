package io.tideway.sql;

/**
 * What a batch write does when its output already exists, mirroring Spark's {@code SaveMode}:
 * add to it, replace it, fail ({@code ErrorIfExists}, the default), or do nothing.
 */
public enum SaveMode {
    Append,
    Overwrite,
    ErrorIfExists,
    Ignore
}
