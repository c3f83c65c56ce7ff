package io.tideway.continuous;

import java.nio.ByteOrder;

/**
 * How rows are packed in a ring slot's region: a sequence of records, each
 * <pre>
 *  +-------------------+-------------------+----------------------------------+
 *  | int rowLength     | int 0 (padding)   | row bytes (RowDescriptor), pad 8 |
 *  +-------------------+-------------------+----------------------------------+
 *  0                   4                   8                  8 + align8(rowLength)
 * </pre>
 * Rows start 8-aligned so the row flyweights read words in place.
 */
final class SlotLayout {
    static final int HEADER = 8;

    private SlotLayout() {
    }

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    /** The header as one native-order word (one store instead of two). */
    static long header(int rowLength) {
        long length = rowLength & 0xFFFF_FFFFL;
        return LITTLE_ENDIAN ? length : length << 32;
    }

    static int recordLength(int rowLength) {
        return HEADER + ((rowLength + 7) & ~7);
    }
}
