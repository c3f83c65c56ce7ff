package io.tideway.engine.exec;

import java.nio.ByteBuffer;

/**
 * Spark's {@code org.apache.spark.util.random.XORShiftRandom}: a {@link java.util.Random} whose
 * seed is first spread with Scala's MurmurHash3 and whose {@code next} is an xorshift step, so
 * that {@code sample}/{@code randomSplit} with a seed pick Spark's rows. Not thread-safe: one
 * partition's sampler owns it.
 */
final class XorShiftRandom extends java.util.Random {
    private static final long serialVersionUID = 1L;
    /** Scala's {@code MurmurHash3.arraySeed}. */
    private static final int ARRAY_SEED = 0x3c074a61;
    private long seed;

    XorShiftRandom(long init) {
        super(init);
        this.seed = hashSeed(init);
    }

    @Override
    protected int next(int bits) {
        long nextSeed = seed ^ (seed << 21);
        nextSeed ^= nextSeed >>> 35;
        nextSeed ^= nextSeed << 4;
        seed = nextSeed;
        return (int) (nextSeed & ((1L << bits) - 1));
    }

    private static long hashSeed(long s) {
        byte[] bytes = ByteBuffer.allocate(Long.BYTES).putLong(s).array();
        int low = bytesHash(bytes, ARRAY_SEED);
        int high = bytesHash(bytes, low);
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    /** Scala's {@code MurmurHash3.bytesHash}: little-endian 4-byte blocks, then the tail. */
    private static int bytesHash(byte[] data, int seed) {
        int h = seed;
        int i = 0;
        int len = data.length;
        while (len >= 4) {
            int k = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24;
            h = Integer.rotateLeft(mixLast(h, k), 13) * 5 + 0xe6546b64;
            i += 4;
            len -= 4;
        }
        int k = 0;
        if (len == 3) {
            k ^= (data[i + 2] & 0xFF) << 16;
        }
        if (len >= 2) {
            k ^= (data[i + 1] & 0xFF) << 8;
        }
        if (len >= 1) {
            k ^= data[i] & 0xFF;
            h = mixLast(h, k);
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mixLast(int hash, int data) {
        int k = data * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        return hash ^ k;
    }
}
