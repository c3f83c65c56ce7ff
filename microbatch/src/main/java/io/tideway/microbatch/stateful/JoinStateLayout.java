package io.tideway.microbatch.stateful;

/**
 * The binary layouts of a stream-stream join: the row its map side shuffles, and the records it
 * keeps in the operator's state store. Offsets only; {@link StreamStreamJoinStage} reads and
 * writes through them.
 *
 * <p>Shuffled row: a three-field row ({@code RowWriter}) of {@link #TAG_SIDE} (the side, as a
 * long), {@link #TAG_KEY} (the join key's row bytes) and {@link #TAG_ROW} (the input row's bytes).
 *
 * <p>State keys, two kinds per (side, join key):
 * <pre>
 *  0      1      2                2+k           2+k+4
 *  +------+------+----------------+-------------+
 *  | side | kind | join key (k B) | index (int) |   kind ROW: the index-th buffered row of the key
 *  +------+------+----------------+-------------+
 *  | side | kind | join key (k B) |                 kind COUNT: how many rows the key buffers
 *  +------+------+----------------+
 * </pre>
 * A ROW key's value is {@link #MATCHED} (a long: 1 once the row has matched) then the row's bytes
 * from {@link #ROW_BYTES}; a COUNT key's value is the count, a long at {@link #COUNT_VALUE}. A key's
 * rows keep indexes 0..count-1.
 */
final class JoinStateLayout {
    static final int TAG_SIDE = 0;
    static final int TAG_KEY = 1;
    static final int TAG_ROW = 2;
    static final int TAG_FIELDS = 3;

    static final byte LEFT = 0;
    static final byte RIGHT = 1;
    static final byte COUNT = 0;
    static final byte ROW = 1;

    static final int SIDE = 0;
    static final int KIND = 1;
    static final int JOIN_KEY = 2;
    static final int INDEX_LENGTH = 4;

    static final int MATCHED = 0;
    static final int ROW_BYTES = 8;
    static final int COUNT_VALUE = 0;
    static final int COUNT_LENGTH = 8;

    private JoinStateLayout() {
    }

    static int countKeyLength(int joinKeyLength) {
        return JOIN_KEY + joinKeyLength;
    }

    static int rowKeyLength(int joinKeyLength) {
        return JOIN_KEY + joinKeyLength + INDEX_LENGTH;
    }

    /** The join key's length in a state key of {@code keyLength} bytes of the given kind. */
    static int joinKeyLength(int keyLength, boolean isRow) {
        return keyLength - JOIN_KEY - (isRow ? INDEX_LENGTH : 0);
    }

    /** Where a ROW key's index is, for a join key of {@code joinKeyLength} bytes. */
    static int indexAt(int joinKeyLength) {
        return JOIN_KEY + joinKeyLength;
    }
}
