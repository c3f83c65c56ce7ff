package io.tideway.offheap.row;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Copies byte ranges between buffers. Row values are mostly a few words long, where a loop of
 * 8-byte loads and stores beats {@code putBytes}' general copy (bounds checks, a native call);
 * longer ranges use {@code putBytes}.
 */
public final class ByteCopy {
    private static final int SMALL = 64;

    private ByteCopy() {
    }

    public static void copy(MutableDirectBuffer dst, int dstOffset, DirectBuffer src, int srcOffset, int length) {
        if (length > SMALL) {
            dst.putBytes(dstOffset, src, srcOffset, length);
            return;
        }
        if (length >= 8) {
            int i = 0;
            for (; i + 8 < length; i += 8) {
                dst.putLong(dstOffset + i, src.getLong(srcOffset + i));
            }
            // the last word, overlapping what was copied: no byte loop for the tail
            dst.putLong(dstOffset + length - 8, src.getLong(srcOffset + length - 8));
            return;
        }
        for (int i = 0; i < length; i++) {
            dst.putByte(dstOffset + i, src.getByte(srcOffset + i));
        }
    }
}
