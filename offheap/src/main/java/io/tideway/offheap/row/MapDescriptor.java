package io.tideway.offheap.row;

import org.agrona.DirectBuffer;

/**
 * The binary layout of a map value, as Spark's {@code UnsafeMapData}: the keys as one array and
 * the values as another, entry {@code i} being key {@code i} and value {@code i}. Offsets are
 * relative to the map's first byte; the map is relocatable (both arrays measure their own
 * offsets), so it is copied as a whole into a row's or an array's variable region.
 *
 * <pre>
 *   0                                         63
 *  +-------------------------------------------+  0
 *  | long: byte length of the keys array (K)   |
 *  +-------------------------------------------+  8
 *  | keys array   ({@link RowDescriptor}: count, null bitmap (all 0), slots, bytes) |
 *  +-------------------------------------------+  8 + K (K is a multiple of 8)
 *  | values array (same count; may hold nulls) |
 *  +-------------------------------------------+  length
 * </pre>
 * Keys are never null and are distinct by the map's key type. Stateless.
 */
public final class MapDescriptor {
    /** Bytes before the keys array. */
    public static final int HEADER_LENGTH = 8;

    private MapDescriptor() {
    }

    /** The number of entries of the map at {@code offset}. */
    public static int count(DirectBuffer buffer, int offset) {
        return buffer.getInt(offset + HEADER_LENGTH);
    }

    /** Absolute offset of the keys array. */
    public static int keysOffset(int offset) {
        return offset + HEADER_LENGTH;
    }

    public static int keysLength(DirectBuffer buffer, int offset) {
        return (int) buffer.getLong(offset);
    }

    /** Absolute offset of the values array. */
    public static int valuesOffset(DirectBuffer buffer, int offset) {
        return offset + HEADER_LENGTH + keysLength(buffer, offset);
    }

    public static int valuesLength(DirectBuffer buffer, int offset, int length) {
        return length - HEADER_LENGTH - keysLength(buffer, offset);
    }

    /** Points {@code keys} and {@code values} at the two arrays of the map at {@code offset}. */
    public static void wrap(DirectBuffer buffer, int offset, int length, ArrayReader keys, ArrayReader values) {
        int k = keysLength(buffer, offset);
        keys.wrap(buffer, offset + HEADER_LENGTH, k);
        values.wrap(buffer, offset + HEADER_LENGTH + k, length - HEADER_LENGTH - k);
    }
}
