package io.tideway.offheap.row;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Flyweight writer of one row ({@link RowDescriptor}) into a buffer, in place. Fields may be
 * written in any order; variable-length values are appended to the variable region in the order
 * written. {@link #finish()} returns the row's length. With an expandable buffer the row grows
 * as needed; with a fixed buffer (a ring slot) writing past its capacity throws
 * {@link IndexOutOfBoundsException}. Not thread-safe; reusable via {@link #wrap}.
 */
public final class RowWriter {
    private final int numFields;
    private final int slotBase;
    private final int fixedLength;
    private final ArrayWriter arrayWriter = new ArrayWriter();
    private MutableDirectBuffer buffer;
    private int offset;
    private int cursor;

    public RowWriter(int numFields) {
        this.numFields = numFields;
        this.slotBase = RowDescriptor.WORD * RowDescriptor.bitmapWords(numFields);
        this.fixedLength = RowDescriptor.fixedLength(numFields);
    }

    /** Starts a row at {@code offset}, clearing its null bitmap and slots. */
    public RowWriter wrap(MutableDirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        this.cursor = offset + fixedLength;
        buffer.setMemory(offset, fixedLength, (byte) 0);
        return this;
    }

    public int numFields() {
        return numFields;
    }

    public MutableDirectBuffer buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    /** Length of the row written so far; the row's final length once all fields are written. */
    public int finish() {
        return cursor - offset;
    }

    private int slot(int field) {
        return offset + slotBase + (field << 3);
    }

    public void setNull(int field) {
        int wordOffset = offset + ((field >>> 6) << 3);
        buffer.putLong(wordOffset, buffer.getLong(wordOffset) | (1L << (field & 63)));
        buffer.putLong(slot(field), 0L);
    }

    public void putBoolean(int field, boolean value) {
        buffer.putLong(slot(field), value ? 1L : 0L);
    }

    public void putInt(int field, int value) {
        buffer.putLong(slot(field), value & 0xFFFF_FFFFL);
    }

    public void putLong(int field, long value) {
        buffer.putLong(slot(field), value);
    }

    public void putDouble(int field, double value) {
        buffer.putDouble(slot(field), value);
    }

    /** Copies bytes (UTF-8 string, binary, or an encoded array/struct) into the variable region. */
    public void putBytes(int field, DirectBuffer src, int srcOffset, int length) {
        int at = cursor;
        buffer.putBytes(at, src, srcOffset, length);
        endVar(field, at, length);
    }

    public void putBytes(int field, byte[] src) {
        int at = cursor;
        buffer.putBytes(at, src);
        endVar(field, at, src.length);
    }

    /** Encodes a Java string as UTF-8; allocates for non-ASCII text, so for edges, not hot paths. */
    public void putString(int field, String value) {
        int at = cursor;
        int length;
        if (isAscii(value)) {
            length = buffer.putStringWithoutLengthAscii(at, value);
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            buffer.putBytes(at, utf8);
            length = utf8.length;
        }
        endVar(field, at, length);
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Starts an array value for {@code field}; write its elements through the returned writer,
     * then call {@link ArrayWriter#end()}. No other field may be written in between.
     */
    public ArrayWriter beginArray(int field, int count) {
        return arrayWriter.begin(this, field, buffer, cursor, count);
    }

    /** Absolute offset where the next variable-length value will be written. */
    int cursor() {
        return cursor;
    }

    /** Records a variable-length value written at {@code at} and pads the cursor to 8. */
    void endVar(int field, int at, int length) {
        buffer.putLong(slot(field), RowDescriptor.varSlot(at - offset, length));
        int padded = RowDescriptor.align8(length);
        if (padded > length) {
            buffer.setMemory(at + length, padded - length, (byte) 0);
        }
        cursor = at + padded;
    }
}
