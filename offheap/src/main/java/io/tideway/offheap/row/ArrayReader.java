package io.tideway.offheap.row;

import org.agrona.DirectBuffer;

/** Flyweight reader of an array value ({@link RowDescriptor}). Not thread-safe; reusable. */
public final class ArrayReader {
    private DirectBuffer buffer;
    private int offset;
    private int length;
    private int count;
    private int slotBase;

    public ArrayReader wrap(DirectBuffer buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.count = buffer.getInt(offset);
        this.slotBase = offset + RowDescriptor.arraySlotOffset(count, 0);
        return this;
    }

    public int count() {
        return count;
    }

    public DirectBuffer buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public boolean isNullAt(int index) {
        long word = buffer.getLong(offset + RowDescriptor.ARRAY_HEADER_LENGTH + ((index >>> 6) << 3));
        return (word & (1L << (index & 63))) != 0;
    }

    public boolean getBoolean(int index) {
        return buffer.getByte(slotBase + (index << 3)) != 0;
    }

    public int getInt(int index) {
        return buffer.getInt(slotBase + (index << 3));
    }

    public long getLong(int index) {
        return buffer.getLong(slotBase + (index << 3));
    }

    public double getDouble(int index) {
        return buffer.getDouble(slotBase + (index << 3));
    }

    public int varOffset(int index) {
        return offset + RowDescriptor.varOffset(buffer.getLong(slotBase + (index << 3)));
    }

    public int varLength(int index) {
        return RowDescriptor.varLength(buffer.getLong(slotBase + (index << 3)));
    }

    public String getString(int index) {
        return buffer.getStringWithoutLengthUtf8(varOffset(index), varLength(index));
    }
}
