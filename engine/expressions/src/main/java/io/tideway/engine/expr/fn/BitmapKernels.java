package io.tideway.engine.expr.fn;

import io.tideway.SparkArrayIndexOutOfBoundsException;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Map;

/**
 * Spark's {@code BitmapExpressionUtils}: a bitmap is {@link #NUM_BYTES} bytes, bit {@code p} is
 * bit {@code p % 8} of byte {@code p / 8}; a value {@code v} goes to bucket
 * {@link #bucketNumber} at position {@link #bitPosition}. Stateless; allocates nothing but the
 * error it throws.
 */
public final class BitmapKernels {
    /** The bytes of one bitmap. */
    public static final int NUM_BYTES = 4 * 1024;
    /** The bits of one bitmap, the values one bucket holds. */
    public static final long NUM_BITS = 8L * NUM_BYTES;

    private BitmapKernels() {
    }

    public static long bucketNumber(long value) {
        return value > 0 ? 1 + (value - 1) / NUM_BITS : value / NUM_BITS;
    }

    public static long bitPosition(long value) {
        return value > 0 ? (value - 1) % NUM_BITS : (-value) % NUM_BITS;
    }

    /** The number of bits set in {@code len} bytes. */
    public static long count(DirectBuffer b, int off, int len) {
        long n = 0;
        for (int i = 0; i < len; i++) {
            n += Integer.bitCount(b.getByte(off + i) & 0xFF);
        }
        return n;
    }

    /** Sets bit {@code position} of the bitmap at {@code at}; Spark's {@code INVALID_BITMAP_POSITION} outside it. */
    public static void set(MutableDirectBuffer b, int at, long position) {
        if (position < 0 || position >= NUM_BITS) {
            throw new SparkArrayIndexOutOfBoundsException("INVALID_BITMAP_POSITION", Map.of(
                    "bitPosition", String.valueOf(position), "bitmapNumBits", String.valueOf(NUM_BITS),
                    "bitmapNumBytes", String.valueOf(NUM_BYTES)));
        }
        int at8 = at + (int) (position / 8);
        b.putByte(at8, (byte) (b.getByte(at8) | 1 << (int) (position % 8)));
    }

    /** ORs the first {@code min(len, NUM_BYTES)} bytes of {@code other} into the bitmap at {@code at}, as Spark's {@code bitmapMerge}. */
    public static void or(MutableDirectBuffer b, int at, DirectBuffer other, int off, int len) {
        for (int i = 0, n = Math.min(len, NUM_BYTES); i < n; i++) {
            b.putByte(at + i, (byte) (b.getByte(at + i) | other.getByte(off + i)));
        }
    }
}
