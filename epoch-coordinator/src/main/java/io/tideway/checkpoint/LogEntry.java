package io.tideway.checkpoint;

/**
 * One batch of a {@link MetadataLog}: its id and the value stored under it.
 *
 * <p>Threading: immutable if {@code value} is.
 */
public record LogEntry<T>(long batchId, T value) {
}
