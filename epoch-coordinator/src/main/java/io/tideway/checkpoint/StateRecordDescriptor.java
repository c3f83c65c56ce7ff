package io.tideway.checkpoint;

/**
 * Layout of the records in a state store {@code <v>.delta} / {@code <v>.snapshot} file: Spark's
 * {@code HDFSBackedStateStoreProvider} framing, uncompressed, with Tideway's own
 * row bytes as keys and values. All integers big-endian.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     key length (int32, >= 0)                  |  put
 *  +---------------------------------------------------------------+
 *  |                     key bytes ...                             |
 *  +---------------------------------------------------------------+
 *  |                     value length (int32, >= 0)                |
 *  +---------------------------------------------------------------+
 *  |                     value bytes ...                           |
 *  +===============================================================+
 *  |                     key length (int32, >= 0)                  |  remove (delta only)
 *  |                     key bytes ...                             |
 *  |                     -1 (int32) in the value-length slot       |
 *  +===============================================================+
 *  |                     -1 (int32) in the key-length slot         |  end of file
 *  +---------------------------------------------------------------+
 * </pre>
 * Spark floors value lengths to a multiple of 8 on read (an UnsafeRow bug workaround); Tideway's
 * rows are not UnsafeRows, so lengths are taken as written.
 *
 * <p>Threading: constants only.
 */
public final class StateRecordDescriptor {
    /** Bytes of each length field. */
    public static final int LENGTH_FIELD_SIZE = Integer.BYTES;
    /** Key-length value that ends the file. */
    public static final int END_OF_FILE = -1;
    /** Value-length value that marks a remove. */
    public static final int REMOVED = -1;

    private StateRecordDescriptor() {
    }
}
