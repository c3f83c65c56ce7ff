package io.tideway.continuous;

import io.tideway.offheap.Memory;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * How rows are packed in a ring slot's region: a sequence of records, each
 * <pre>
 *  +-------------------+-------------------+----------------------------------+
 *  | int rowLength     | int 0 (padding)   | row bytes (RowDescriptor), pad 8 |
 *  +-------------------+-------------------+----------------------------------+
 *  0                   4                   8                  8 + align8(rowLength)
 * </pre>
 * Rows start 8-aligned so the row flyweights read words in place. The one place a record header
 * is written ({@link #putHeader}, by the reader thread) or read ({@link #rowLength}, by the task
 * thread).
 */
final class SlotLayout {
    static final int HEADER = 8;
    /** Offset of the row length within a record. */
    static final int ROW_LENGTH_OFFSET = 0;

    private SlotLayout() {
    }

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    /** The header as one native-order word (one store instead of two): the length, then zero padding. */
    private static long header(int rowLength) {
        long length = rowLength & 0xFFFF_FFFFL;
        return LITTLE_ENDIAN ? length : length << 32;
    }

    /** Writes the header of the record at {@code at} for a row of {@code rowLength} bytes. */
    static void putHeader(MutableDirectBuffer slot, int at, int rowLength) {
        slot.putLong(at + ROW_LENGTH_OFFSET, header(rowLength));
    }

    /**
     * The row length in the header of the record at {@code at}, read without a bounds check: the
     * reader's {@link SlotAppender} wrote every record inside the slot, and this read is on the
     * task's per-record path.
     */
    static int rowLength(UnsafeBuffer slot, int at) {
        return Memory.getInt(slot.byteArray(), slot.addressOffset() + at + ROW_LENGTH_OFFSET);
    }

    static int recordLength(int rowLength) {
        return HEADER + ((rowLength + 7) & ~7);
    }
}
