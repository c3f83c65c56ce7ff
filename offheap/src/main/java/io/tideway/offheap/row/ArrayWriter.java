package io.tideway.offheap.row;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes one array value ({@link RowDescriptor}): inside a row being written by a
 * {@link RowWriter} (obtained from {@link RowWriter#beginArray}, reused for every array that writer
 * writes), or on its own at an offset of a buffer ({@link #wrap}), as functions that return arrays
 * and maps build them. Not thread-safe.
 */
public final class ArrayWriter {
    private RowWriter parent;
    /** Enlarges the buffer of an array written on its own; null inside a row (the row's writer grows it). */
    private RowWriter.Growth growth;
    private int field;
    private MutableDirectBuffer buffer;
    private int start;
    private int count;
    private int slotBase;
    private int cursor;

    /**
     * Starts an array of {@code count} elements at {@code offset} of {@code buffer}, outside any
     * row; {@code growth} enlarges the buffer in place (null: a buffer large enough). {@link #finish()}
     * gives its length.
     */
    public ArrayWriter wrap(MutableDirectBuffer buffer, int offset, int count, RowWriter.Growth growth) {
        this.growth = growth;
        if (growth != null) {
            growth.ensureCapacity(offset + RowDescriptor.arrayFixedLength(count));
        }
        return begin(null, -1, buffer, offset, count);
    }

    ArrayWriter begin(RowWriter parent, int field, MutableDirectBuffer buffer, int start, int count) {
        if (parent != null) {
            this.growth = null;
        }
        this.parent = parent;
        this.field = field;
        this.buffer = buffer;
        this.start = start;
        this.count = count;
        this.slotBase = start + RowDescriptor.arraySlotOffset(count, 0);
        int fixed = RowDescriptor.arrayFixedLength(count);
        for (int i = 0; i < fixed; i += RowDescriptor.WORD) {
            buffer.putLong(start + i, 0L);
        }
        buffer.putInt(start, count);
        this.cursor = start + fixed;
        return this;
    }

    public int count() {
        return count;
    }

    public void setNull(int index) {
        int wordOffset = start + RowDescriptor.ARRAY_HEADER_LENGTH + ((index >>> 6) << 3);
        buffer.putLong(wordOffset, buffer.getLong(wordOffset) | (1L << (index & 63)));
    }

    public void putLong(int index, long value) {
        buffer.putLong(slotBase + (index << 3), value);
    }

    public void putInt(int index, int value) {
        buffer.putLong(slotBase + (index << 3), value & 0xFFFF_FFFFL);
    }

    public void putDouble(int index, double value) {
        buffer.putDouble(slotBase + (index << 3), value);
    }

    public void putBoolean(int index, boolean value) {
        buffer.putLong(slotBase + (index << 3), value ? 1L : 0L);
    }

    public void putBytes(int index, DirectBuffer src, int srcOffset, int length) {
        int at = cursor;
        if (parent != null) {
            parent.reserve(at, length);
        } else if (growth != null) {
            growth.ensureCapacity(at + RowDescriptor.align8(length));
        }
        ByteCopy.copyPadded(buffer, at, src, srcOffset, length);
        buffer.putLong(slotBase + (index << 3), RowDescriptor.varSlot(at - start, length));
        cursor = at + RowDescriptor.align8(length);
    }

    /** Finishes the array and records it in the parent row's slot. */
    public void end() {
        int length = cursor - start;
        parent.endVar(field, start, length);
    }

    /** Finishes an array written on its own ({@link #wrap}); returns its length in bytes. */
    public int finish() {
        return cursor - start;
    }
}
