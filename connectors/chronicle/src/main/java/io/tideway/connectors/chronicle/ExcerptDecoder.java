package io.tideway.connectors.chronicle;

import io.tideway.offheap.row.RowWriter;
import net.openhft.chronicle.wire.Wire;

/**
 * Turns one excerpt into one row. Status on the hot path: a decoder returns null for a
 * well-formed excerpt and a short reason for a corrupt one (the caller applies {@code mode});
 * it throws only for bugs. Owned by one reader thread.
 */
interface ExcerptDecoder extends AutoCloseable {
    /**
     * Writes excerpt {@code index} into {@code row} (already wrapped). {@code wire}'s bytes are
     * positioned at the excerpt's first byte and end at its last.
     *
     * @return null, or why the excerpt cannot be decoded
     */
    String decode(long index, Wire wire, RowWriter row);

    /** Frees off-heap scratch memory. */
    @Override
    default void close() {
    }
}
