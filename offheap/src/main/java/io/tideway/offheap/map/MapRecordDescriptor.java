package io.tideway.offheap.map;

/**
 * Layout of one {@link BytesToBytesMap} record in an off-heap page, and of the {@code long}
 * handle that names it. Records are appended to a page one after another; every record starts
 * 8-aligned and its length is a multiple of 8, so a page can be walked from offset 0 to its limit.
 * All ints are native byte order.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-------------------------------------------------------------+  0
 *  |D|  key length (31 bits); whole int is ~keyLength when D = 1    |
 *  +-+-------------------------------------------------------------+  4
 *  |                  value length (bytes in use)                  |
 *  +---------------------------------------------------------------+  8
 *  |          value capacity (multiple of 8, >= value length)      |
 *  +---------------------------------------------------------------+  12
 *  |            32-bit key hash ({@link Murmur3Hash#hash})          |
 *  +---------------------------------------------------------------+  16
 *  |                      key bytes ...                            |
 *  |                      ... zero-padded to a multiple of 8       |
 *  +---------------------------------------------------------------+  16 + align8(keyLength)
 *  |                      value bytes ...                          |
 *  |                      ... up to value capacity                 |
 *  +---------------------------------------------------------------+  recordLength
 * </pre>
 *
 * A dead record (removed, or left behind when {@link BytesToBytesMap#replaceValue} had to move a
 * value that outgrew its capacity) stores {@code ~keyLength} (negative) in the first int, so its
 * length stays computable and page walks skip it. The value starts 8-aligned, so fixed-width
 * aggregation slots inside it can be read and written in place with {@code getLong/putLong}.
 * The hash is kept in the record so a record can be re-indexed without re-hashing its key.
 *
 * <p>A handle is {@code (pageIndex << 32) | recordOffset}; {@link #NO_HANDLE} ({@code -1}) means
 * "no such entry". A handle stays valid until its entry is removed, its value is relocated by
 * {@code replaceValue}, or the map is cleared, compacted or closed.
 *
 * <p>Stateless; safe from any thread.
 */
public final class MapRecordDescriptor {
    /** Handle value meaning "absent". */
    public static final long NO_HANDLE = -1L;
    public static final int KEY_LENGTH_OFFSET = 0;
    public static final int VALUE_LENGTH_OFFSET = 4;
    public static final int VALUE_CAPACITY_OFFSET = 8;
    public static final int HASH_OFFSET = 12;
    public static final int HEADER_LENGTH = 16;
    public static final int KEY_OFFSET = HEADER_LENGTH;
    public static final int ALIGNMENT = 8;

    private MapRecordDescriptor() {
    }

    public static int align8(final int n) {
        return (n + (ALIGNMENT - 1)) & ~(ALIGNMENT - 1);
    }

    /** Record length as a long, so callers can reject sizes that overflow an int. */
    public static long recordLength(final int keyLength, final int valueCapacity) {
        return HEADER_LENGTH + (long) align8(keyLength) + valueCapacity;
    }

    /** Offset of the value, relative to the record start. */
    public static int valueOffset(final int keyLength) {
        return HEADER_LENGTH + align8(keyLength);
    }

    public static long handle(final int pageIndex, final int recordOffset) {
        return ((long) pageIndex << 32) | (recordOffset & 0xFFFF_FFFFL);
    }

    public static int pageIndex(final long handle) {
        return (int) (handle >>> 32);
    }

    public static int recordOffset(final long handle) {
        return (int) handle;
    }

    /** True when the first int of a record says the record is dead. */
    public static boolean isDead(final int keyLengthField) {
        return keyLengthField < 0;
    }

    /** Key length of a record whether it is live or dead. */
    public static int keyLength(final int keyLengthField) {
        return keyLengthField < 0 ? ~keyLengthField : keyLengthField;
    }
}
