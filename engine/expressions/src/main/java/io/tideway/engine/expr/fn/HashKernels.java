package io.tideway.engine.expr.fn;

import org.agrona.DirectBuffer;

/**
 * Spark's row hashes: Murmur3 x86 32-bit ({@code hash}, seed 42) and XXH64 ({@code xxhash64},
 * seed 42), value by value as Spark's {@code HashExpression} folds them: a null leaves the hash
 * unchanged; int, date and boolean hash as an int, bigint and timestamp as a long, a double as
 * its long bits ({@code -0.0} as {@code 0.0}), strings and binaries by their bytes. Stateless.
 */
public final class HashKernels {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private HashKernels() {
    }

    // ---- Murmur3 x86 32 ----

    public static int murmurInt(long v, int seed) {
        return fmix(mixH1(seed, mixK1((int) v)), 4);
    }

    public static int murmurLong(long v, int seed) {
        int h1 = mixH1(seed, mixK1((int) v));
        h1 = mixH1(h1, mixK1((int) (v >>> 32)));
        return fmix(h1, 8);
    }

    /** Spark hashes a float as the int of its bits, -0.0 as 0.0. */
    public static int murmurFloat(double d, int seed) {
        return murmurInt(Float.floatToIntBits(d == -0.0 ? 0.0f : (float) d), seed);
    }

    public static long xxFloat(double d, long seed) {
        return xxInt(Float.floatToIntBits(d == -0.0 ? 0.0f : (float) d), seed);
    }

    public static int murmurDouble(double d, int seed) {
        return murmurLong(Double.doubleToLongBits(d == -0.0 ? 0.0 : d), seed);
    }

    /** Spark's byte hash: whole little-endian ints, then each remaining byte mixed on its own. */
    public static int murmurBytes(DirectBuffer b, int off, int len, int seed) {
        int aligned = len - len % 4;
        int h1 = seed;
        for (int i = 0; i < aligned; i += 4) {
            h1 = mixH1(h1, mixK1(b.getInt(off + i, java.nio.ByteOrder.LITTLE_ENDIAN)));
        }
        for (int i = aligned; i < len; i++) {
            h1 = mixH1(h1, mixK1(b.getByte(off + i)));
        }
        return fmix(h1, len);
    }

    private static int mixK1(int k1) {
        k1 *= C1;
        k1 = Integer.rotateLeft(k1, 15);
        return k1 * C2;
    }

    private static int mixH1(int h1, int k1) {
        h1 ^= k1;
        h1 = Integer.rotateLeft(h1, 13);
        return h1 * 5 + 0xe6546b64;
    }

    private static int fmix(int h1, int length) {
        h1 ^= length;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        return h1 ^ (h1 >>> 16);
    }

    // ---- XXH64 ----

    /** Spark hashes a decimal of up to 18 digits as its unscaled long, a wider one as its unscaled bytes. */
    public static int murmurDecimal(java.math.BigDecimal v, int precision, int seed) {
        if (precision <= io.tideway.offheap.row.RowDescriptor.MAX_LONG_DIGITS) {
            return murmurLong(v.unscaledValue().longValue(), seed);
        }
        byte[] b = v.unscaledValue().toByteArray();
        return murmurBytes(new org.agrona.concurrent.UnsafeBuffer(b), 0, b.length, seed);
    }

    /** As {@link #murmurDecimal}, with xxHash64. */
    public static long xxDecimal(java.math.BigDecimal v, int precision, long seed) {
        if (precision <= io.tideway.offheap.row.RowDescriptor.MAX_LONG_DIGITS) {
            return xxLong(v.unscaledValue().longValue(), seed);
        }
        byte[] b = v.unscaledValue().toByteArray();
        return xxBytes(new org.agrona.concurrent.UnsafeBuffer(b), 0, b.length, seed);
    }

    public static long xxInt(long v, long seed) {
        long h = seed + P5 + 4L;
        h ^= (v & 0xFFFFFFFFL) * P1;
        h = Long.rotateLeft(h, 23) * P2 + P3;
        return xxFmix(h);
    }

    public static long xxLong(long v, long seed) {
        long h = seed + P5 + 8L;
        h ^= Long.rotateLeft(v * P2, 31) * P1;
        h = Long.rotateLeft(h, 27) * P1 + P4;
        return xxFmix(h);
    }

    public static long xxDouble(double d, long seed) {
        return xxLong(Double.doubleToLongBits(d == -0.0 ? 0.0 : d), seed);
    }

    public static long xxBytes(DirectBuffer b, int off, int len, long seed) {
        int end = off + len;
        long h;
        int i = off;
        if (len >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            int limit = end - 32;
            do {
                v1 = round(v1, longAt(b, i));
                v2 = round(v2, longAt(b, i + 8));
                v3 = round(v3, longAt(b, i + 16));
                v4 = round(v4, longAt(b, i + 24));
                i += 32;
            } while (i <= limit);
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = seed + P5;
        }
        h += len;
        for (; i + 8 <= end; i += 8) {
            h ^= Long.rotateLeft(longAt(b, i) * P2, 31) * P1;
            h = Long.rotateLeft(h, 27) * P1 + P4;
        }
        if (i + 4 <= end) {
            h ^= (b.getInt(i, java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            i += 4;
        }
        for (; i < end; i++) {
            h ^= (b.getByte(i) & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
        }
        return xxFmix(h);
    }

    private static long longAt(DirectBuffer b, int i) {
        return b.getLong(i, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    private static long round(long acc, long input) {
        acc += input * P2;
        acc = Long.rotateLeft(acc, 31);
        return acc * P1;
    }

    private static long merge(long h, long v) {
        v *= P2;
        v = Long.rotateLeft(v, 31);
        v *= P1;
        h ^= v;
        return h * P1 + P4;
    }

    private static long xxFmix(long h) {
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        return h ^ (h >>> 32);
    }
}
