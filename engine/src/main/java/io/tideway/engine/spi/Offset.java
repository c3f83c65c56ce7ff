package io.tideway.engine.spi;

/**
 * A position in a source, as stored in {@code offsets/N}. Immutable; {@link #json()} is the text
 * written to the checkpoint and must round-trip through the source's {@code deserializeOffset}.
 */
public interface Offset {
    String json();
}
