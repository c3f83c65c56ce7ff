package io.tideway.offheap.row;

import org.agrona.DirectBuffer;

/**
 * Flyweight reader of one row ({@link RowDescriptor}). Reusable: {@link #wrap} points it at
 * another row without allocating. Not thread-safe: one per reading thread.
 */
public final class RowReader {
    private final int numFields;
    private final int slotBase;
    private DirectBuffer buffer;
    private int offset;
    private int length;

    public RowReader(int numFields) {
        this.numFields = numFields;
        this.slotBase = RowDescriptor.WORD * RowDescriptor.bitmapWords(numFields);
    }

    public RowReader wrap(DirectBuffer buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    public int numFields() {
        return numFields;
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

    public boolean isNullAt(int field) {
        long word = buffer.getLong(offset + ((field >>> 6) << 3));
        return (word & (1L << (field & 63))) != 0;
    }

    private int slot(int field) {
        return offset + slotBase + (field << 3);
    }

    public boolean getBoolean(int field) {
        return buffer.getByte(slot(field)) != 0;
    }

    public int getInt(int field) {
        return buffer.getInt(slot(field));
    }

    public long getLong(int field) {
        return buffer.getLong(slot(field));
    }

    public double getDouble(int field) {
        return buffer.getDouble(slot(field));
    }

    /** A decimal written by {@link RowWriter#putDecimal}; allocates. */
    public java.math.BigDecimal getDecimal(int field, int precision, int scale) {
        if (precision <= RowDescriptor.MAX_LONG_DIGITS) {
            return java.math.BigDecimal.valueOf(getLong(field), scale);
        }
        return new java.math.BigDecimal(new java.math.BigInteger(getBinary(field)), scale);
    }

    /** Absolute offset in {@link #buffer()} of a variable-length field's bytes. */
    public int varOffset(int field) {
        return offset + RowDescriptor.varOffset(buffer.getLong(slot(field)));
    }

    public int varLength(int field) {
        return RowDescriptor.varLength(buffer.getLong(slot(field)));
    }

    /** Decodes a string field; allocates, so for edges (sinks, encoders), not the hot path. */
    public String getString(int field) {
        return buffer.getStringWithoutLengthUtf8(varOffset(field), varLength(field));
    }

    public byte[] getBinary(int field) {
        byte[] bytes = new byte[varLength(field)];
        buffer.getBytes(varOffset(field), bytes);
        return bytes;
    }

    public ArrayReader getArray(int field, ArrayReader reader) {
        return reader.wrap(buffer, varOffset(field), varLength(field));
    }

    public RowReader getStruct(int field, RowReader reader) {
        return reader.wrap(buffer, varOffset(field), varLength(field));
    }
}
