package io.tideway.engine.expr.fn;

/**
 * Spark's {@code XORShiftRandom}: a {@link java.util.Random} whose {@code next} is an xorshift
 * step over a seed hashed with Scala's {@code MurmurHash3.bytesHash}, so {@code rand(42)} gives
 * Spark's numbers ({@code nextDouble}, {@code nextGaussian} are Random's). One per call site and
 * task, seeded as Spark's with seed + partition index, and one per partition of
 * {@code sample}/{@code randomSplit} (seeded so); used by one thread.
 */
public final class XorShiftRandom extends java.util.Random {
    private static final long serialVersionUID = 1L;
    private static final int ARRAY_SEED = 0x3c074a61;
    /** The xorshift state; task thread only. */
    private long state;

    public XorShiftRandom(long seed) {
        super(seed);
        this.state = hashSeed(seed);
    }

    @Override
    public synchronized void setSeed(long seed) {
        super.setSeed(seed);
        this.state = hashSeed(seed);
    }

    @Override
    protected int next(int bits) {
        long s = state ^ (state << 21);
        s ^= s >>> 35;
        s ^= s << 4;
        state = s;
        return (int) (s & ((1L << bits) - 1));
    }

    /** Spark's {@code XORShiftRandom.hashSeed}: two MurmurHash3 passes over the seed's big-endian bytes. */
    static long hashSeed(long seed) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (seed >>> (56 - 8 * i));
        }
        int low = bytesHash(bytes, ARRAY_SEED);
        int high = bytesHash(bytes, low);
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    /** Scala's {@code MurmurHash3.bytesHash}. */
    private static int bytesHash(byte[] data, int seed) {
        int h = seed;
        int i = 0;
        int len = data.length;
        while (len >= 4) {
            int k = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24;
            h = mix(h, k);
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
        return avalanche(h ^ data.length);
    }

    private static int mix(int h, int k) {
        return Integer.rotateLeft(mixLast(h, k), 13) * 5 + 0xe6546b64;
    }

    private static int mixLast(int h, int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        return h ^ k;
    }

    private static int avalanche(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
