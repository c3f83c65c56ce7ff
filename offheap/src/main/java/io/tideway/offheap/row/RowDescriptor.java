package io.tideway.offheap.row;

/**
 * The binary row format: every row that flows between operators, sits in a ring slot, or is a
 * state-store key or value has this layout. Offsets are relative to the row's first byte; all
 * words are native byte order (little-endian on x86/ARM) and 8-byte aligned.
 *
 * <pre>
 *   0                                                               63
 *  +-----------------------------------------------------------------+  0
 *  | null bitmap word 0: bit i = field i is null (fields 0..63)      |
 *  | ... ceil(numFields / 64) words                                  |
 *  +-----------------------------------------------------------------+  8 * W
 *  | slot 0: fixed-width value in place                              |
 *  |   boolean: 0/1 · int, date (days): int in low 32 bits           |
 *  |   long, timestamp (micros since epoch): long · double: IEEE bits|
 *  |   decimal(p &lt;= 18): the unscaled value as a long           |
 *  |   string, binary, array, struct, decimal(p > 18):               |
 *  |     (relOffset &lt;&lt; 32) | byteLength (a decimal's bytes are its   |
 *  |     unscaled value, two's complement big-endian, as UnsafeRow)  |
 *  | ... one 8-byte slot per field                                   |
 *  +-----------------------------------------------------------------+  8 * (W + numFields)
 *  | variable region: string / binary / array / struct bytes,        |
 *  | each starting 8-aligned, relOffset measured from the row start  |
 *  +-----------------------------------------------------------------+  length
 * </pre>
 *
 * An array value (in a variable region) has the same shape with a count word in front:
 * <pre>
 *  | int count | int 0 | null bitmap ceil(count/64) words | count slots | variable region |
 * </pre>
 * Array slots are encoded like row slots; relOffset is measured from the array's first byte.
 * A struct value is a nested row in this format.
 */
public final class RowDescriptor {
    public static final int WORD = 8;
    public static final int ARRAY_HEADER_LENGTH = 8;
    /** The most digits a decimal may have and still keep its unscaled value in its slot (Spark's {@code Decimal.MAX_LONG_DIGITS}). */
    public static final int MAX_LONG_DIGITS = 18;
    /** Where a row's (or an array's element) null bitmap starts, relative to the row. */
    public static final int NULL_BITMAP_OFFSET = 0;
    /** A null bitmap word with no field null: what a writer storing fields in place (a source's hot loop) puts first. */
    public static final long NO_NULLS = 0L;

    private RowDescriptor() {
    }

    public static int bitmapWords(int numFields) {
        return (numFields + 63) >>> 6;
    }

    /** Bytes before the variable region of a row with {@code numFields} fields. */
    public static int fixedLength(int numFields) {
        return WORD * (bitmapWords(numFields) + numFields);
    }

    public static int slotOffset(int numFields, int field) {
        return WORD * (bitmapWords(numFields) + field);
    }

    /** Bytes before the variable region of an array with {@code count} elements. */
    public static int arrayFixedLength(int count) {
        return ARRAY_HEADER_LENGTH + WORD * (bitmapWords(count) + count);
    }

    public static int arraySlotOffset(int count, int index) {
        return ARRAY_HEADER_LENGTH + WORD * (bitmapWords(count) + index);
    }

    public static long varSlot(int relOffset, int length) {
        return ((long) relOffset << 32) | (length & 0xFFFF_FFFFL);
    }

    public static int varOffset(long slot) {
        return (int) (slot >>> 32);
    }

    public static int varLength(long slot) {
        return (int) slot;
    }

    public static int align8(int n) {
        return (n + 7) & ~7;
    }
}
