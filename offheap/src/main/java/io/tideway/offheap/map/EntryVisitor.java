package io.tideway.offheap.map;

import org.agrona.DirectBuffer;

/**
 * Receives each live entry of a {@link BytesToBytesMap} during {@link BytesToBytesMap#forEach}.
 * The key and value are ranges of {@code buffer}, valid only during the call; a visitor may
 * update the value in place (cast to {@code MutableDirectBuffer}) within {@code valueLength}.
 *
 * <p>Called on the map's task thread.
 */
@FunctionalInterface
public interface EntryVisitor {
    void visit(DirectBuffer buffer, int keyOffset, int keyLength, int valueOffset, int valueLength);
}
