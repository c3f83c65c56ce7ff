package io.tideway.offheap.map;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * MurmurHash3 x86_32 over a byte range of a {@link DirectBuffer}: the hash {@link BytesToBytesMap}
 * indexes by, exposed so that callers can partition keys by the same function. Blocks are read
 * little-endian on every platform, so a given key hashes to the same value on any machine.
 *
 * <p>Stateless; safe from any thread.
 */
public final class Murmur3Hash {
    /** Seed used by {@link #hash(DirectBuffer, int, int)}; Spark's {@code Murmur3Hash} default. */
    public static final int DEFAULT_SEED = 42;

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3Hash() {
    }

    public static int hash(final DirectBuffer buffer, final int offset, final int length) {
        return hash(buffer, offset, length, DEFAULT_SEED);
    }

    public static int hash(final DirectBuffer buffer, final int offset, final int length, final int seed) {
        int h1 = seed;
        final int blockEnd = offset + (length & ~3);
        for (int i = offset; i < blockEnd; i += 4) {
            h1 = mixH1(h1, mixK1(buffer.getInt(i, ByteOrder.LITTLE_ENDIAN)));
        }
        int k1 = 0;
        switch (length & 3) {
            case 3:
                k1 ^= (buffer.getByte(blockEnd + 2) & 0xFF) << 16;
                // fall through
            case 2:
                k1 ^= (buffer.getByte(blockEnd + 1) & 0xFF) << 8;
                // fall through
            case 1:
                k1 ^= buffer.getByte(blockEnd) & 0xFF;
                h1 ^= mixK1(k1);
                break;
            default:
                break;
        }
        return fmix(h1 ^ length);
    }

    private static int mixK1(int k1) {
        k1 *= C1;
        k1 = Integer.rotateLeft(k1, 15);
        return k1 * C2;
    }

    private static int mixH1(int h1, final int k1) {
        h1 ^= k1;
        h1 = Integer.rotateLeft(h1, 13);
        return h1 * 5 + 0xe6546b64;
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
