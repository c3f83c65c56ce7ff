package io.tideway.util.sketch;

/**
 * The 32-bit x86 Murmur3 hash Spark's sketches use ({@code Murmur3_x86_32}): words read little
 * endian, and each byte of a tail shorter than a word mixed on its own (sign-extended), as Spark
 * does, so a sketch built here sets the bits Spark's sets. The sketch library keeps its own copy
 * so it depends on nothing else in Tideway. Stateless.
 */
final class SketchHash {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private SketchHash() {
    }

    static int hashLong(long input, int seed) {
        int h1 = mixH1(seed, mixK1((int) input));
        h1 = mixH1(h1, mixK1((int) (input >>> 32)));
        return fmix(h1, 8);
    }

    static int hashBytes(byte[] bytes, int seed) {
        int length = bytes.length;
        int aligned = length - length % 4;
        int h1 = seed;
        for (int i = 0; i < aligned; i += 4) {
            int word = (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF) << 16 | bytes[i + 3] << 24;
            h1 = mixH1(h1, mixK1(word));
        }
        for (int i = aligned; i < length; i++) {
            h1 = mixH1(h1, mixK1(bytes[i]));
        }
        return fmix(h1, length);
    }

    private static int mixK1(int k1) {
        return Integer.rotateLeft(k1 * C1, 15) * C2;
    }

    private static int mixH1(int h1, int k1) {
        return Integer.rotateLeft(h1 ^ k1, 13) * 5 + 0xe6546b64;
    }

    private static int fmix(int h1, int length) {
        int h = h1 ^ length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ h >>> 16;
    }
}
