package io.tideway.offheap.row;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Flyweight writer of one row ({@link RowDescriptor}) into a buffer, in place. Fields may be
 * written in any order; variable-length values are appended to the variable region in the order
 * written. {@link #finish()} returns the row's length. With an expandable buffer the row grows
 * as needed; with a fixed buffer (a ring slot) writing past its capacity throws
 * {@link IndexOutOfBoundsException}. Each field is written once per row ({@code setNull} then a
 * {@code put} leaves the field null). Not thread-safe; reusable via {@link #wrap}.
 */
public final class RowWriter {
    private final int numFields;
    private final int slotBase;
    private final int fixedLength;
    private final ArrayWriter arrayWriter = new ArrayWriter();
    private MutableDirectBuffer buffer;
    private Growth growth;
    private int offset;
    private int cursor;

    /**
     * Makes a buffer the writer writes into larger, in place (same buffer object, new memory),
     * so that bytes up to {@code requiredEnd} are writable. For arenas; ring slots have none.
     */
    @FunctionalInterface
    public interface Growth {
        void ensureCapacity(int requiredEnd);
    }

    public RowWriter(int numFields) {
        this.numFields = numFields;
        this.slotBase = RowDescriptor.WORD * RowDescriptor.bitmapWords(numFields);
        this.fixedLength = RowDescriptor.fixedLength(numFields);
    }

    /** Starts a row at {@code offset}, clearing its null bitmap and slots. */
    public RowWriter wrap(MutableDirectBuffer buffer, int offset) {
        return wrap(buffer, offset, null);
    }

    /** Starts a row in a buffer that {@code growth} enlarges on demand (null: fixed or self-expanding). */
    public RowWriter wrap(MutableDirectBuffer buffer, int offset, Growth growth) {
        this.growth = growth;
        if (growth != null) {
            growth.ensureCapacity(offset + fixedLength);
        }
        this.buffer = buffer;
        this.offset = offset;
        this.cursor = offset + fixedLength;
        // word stores: Agrona's setMemory costs more than a few putLongs at these sizes
        for (int i = 0; i < fixedLength; i += RowDescriptor.WORD) {
            buffer.putLong(offset + i, 0L);
        }
        return this;
    }

    public int numFields() {
        return numFields;
    }

    /** Bytes of null bitmap and slots: a row's minimum length. */
    public int fixedLength() {
        return fixedLength;
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

    /**
     * A decimal of {@code precision} digits whose scale is the type's: up to 18 digits the unscaled
     * value in the slot, else its two's-complement bytes in the variable region (Spark's UnsafeRow).
     */
    public void putDecimal(int field, java.math.BigDecimal value, int precision) {
        if (precision <= RowDescriptor.MAX_LONG_DIGITS) {
            putLong(field, value.unscaledValue().longValue());
        } else {
            putBytes(field, value.unscaledValue().toByteArray());
        }
    }

    /** Copies bytes (UTF-8 string, binary, or an encoded array/struct) into the variable region. */
    public void putBytes(int field, DirectBuffer src, int srcOffset, int length) {
        int at = cursor;
        reserve(at, length);
        ByteCopy.copyPadded(buffer, at, src, srcOffset, length);
        endVar(field, at, length);
    }

    public void putBytes(int field, byte[] src) {
        int at = cursor;
        zeroLastWord(at, src.length);
        buffer.putBytes(at, src);
        endVar(field, at, src.length);
    }

    /** Grows the buffer if it can and must, then zeroes the padding of a value about to be written at {@code at}. */
    void reserve(int at, int length) {
        if (growth != null) {
            growth.ensureCapacity(at + RowDescriptor.align8(length));
        }
    }

    /** Zeroes the padding of a value about to be written at {@code at}: bytes equal iff rows equal. */
    private void zeroLastWord(int at, int length) {
        reserve(at, length);
        if ((length & 7) != 0) {
            buffer.putLong(at + (length & ~7), 0L);
        }
    }

    /** Encodes a Java string as UTF-8; allocates for non-ASCII text, so for edges, not hot paths. */
    public void putString(int field, String value) {
        int at = cursor;
        int length;
        zeroLastWord(at, value.length());
        if (isAscii(value)) {
            length = buffer.putStringWithoutLengthAscii(at, value);
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            zeroLastWord(at, utf8.length);
            reserve(at, utf8.length);
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
        reserve(cursor, RowDescriptor.arrayFixedLength(count));
        return arrayWriter.begin(this, field, buffer, cursor, count);
    }

    /** Absolute offset where the next variable-length value will be written. */
    int cursor() {
        return cursor;
    }

    /**
     * Records a variable-length value written at {@code at} (its padding already zeroed) and
     * moves the cursor past it, 8-aligned.
     */
    void endVar(int field, int at, int length) {
        buffer.putLong(slot(field), RowDescriptor.varSlot(at - offset, length));
        cursor = at + RowDescriptor.align8(length);
    }
}
