package io.tideway.checkpoint;

/**
 * Line 2 of {@code commits/N}.
 *
 * <p>Threading: immutable.
 *
 * @param nextBatchWatermarkMs the watermark computed at the end of batch N, which batch N+1 uses
 *                             (continuous mode always writes 0)
 */
public record CommitMetadata(long nextBatchWatermarkMs) {
}
