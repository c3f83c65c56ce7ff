package io.tideway.offheap.row;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

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

    /**
     * Copies {@code length} bytes and zeroes the rest of the last 8-byte word, writing
     * {@code align8(length)} bytes at {@code dstOffset}, which the caller has reserved. Row values
     * are padded to words and compared as bytes, so the padding must be zero; writing whole words
     * (the last one masked) costs one load and one store per word where a byte loop costs two
     * bounds-checked accesses per byte, the difference that shows in word count's short words.
     */
    public static void copyPadded(MutableDirectBuffer dst, int dstOffset, DirectBuffer src, int srcOffset, int length) {
        int whole = length & ~7;
        int tail = length & 7;
        if (whole > SMALL) {
            dst.putBytes(dstOffset, src, srcOffset, whole);
        } else {
            for (int i = 0; i < whole; i += 8) {
                dst.putLong(dstOffset + i, src.getLong(srcOffset + i));
            }
        }
        if (tail == 0) {
            return;
        }
        long word;
        if (srcOffset + whole + 8 <= src.capacity()) {
            // little-endian on every platform, so the value's bytes are the word's low bytes
            word = src.getLong(srcOffset + whole, ByteOrder.LITTLE_ENDIAN) & ((1L << (tail << 3)) - 1);
        } else {
            word = 0; // the value ends within 8 bytes of its buffer's end: assemble the word
            for (int i = tail - 1; i >= 0; i--) {
                word = (word << 8) | (src.getByte(srcOffset + whole + i) & 0xFFL);
            }
        }
        dst.putLong(dstOffset + whole, word, ByteOrder.LITTLE_ENDIAN);
    }
}
