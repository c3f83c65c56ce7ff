package io.tideway.engine.stat;

import java.nio.charset.StandardCharsets;

/**
 * Scala's {@code ##} of a value as Spark holds it inside a row: numbers hash cooperatively (a
 * whole double or long that fits an int hashes as that int), a string as Spark's
 * {@code UTF8String.hashCode} (Murmur3 x86 32 of its UTF-8 bytes, seed 42), null as 0. Stateless.
 */
final class ScalaHash {
    private ScalaHash() {
    }

    static int of(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Long l) {
            return longHash(l);
        }
        if (v instanceof Double d) {
            return doubleHash(d);
        }
        if (v instanceof Float f) {
            return doubleHash(f);
        }
        if (v instanceof String s) {
            return murmurBytes(s.getBytes(StandardCharsets.UTF_8), 42);
        }
        return v.hashCode();
    }

    private static int longHash(long l) {
        int i = (int) l;
        return i == l ? i : Long.hashCode(l);
    }

    private static int doubleHash(double d) {
        int i = (int) d;
        if (i == d) {
            return i;
        }
        long l = (long) d;
        if (l == d) {
            return Long.hashCode(l);
        }
        float f = (float) d;
        return f == d ? Float.hashCode(f) : Double.hashCode(d);
    }

    /** Spark's {@code Murmur3_x86_32.hashUnsafeBytes}: a short tail's bytes mixed one by one. */
    private static int murmurBytes(byte[] b, int seed) {
        int aligned = b.length - b.length % 4;
        int h1 = seed;
        for (int i = 0; i < aligned; i += 4) {
            h1 = mixH1(h1, mixK1((b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | b[i + 3] << 24));
        }
        for (int i = aligned; i < b.length; i++) {
            h1 = mixH1(h1, mixK1(b[i]));
        }
        h1 ^= b.length;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        return h1 ^ h1 >>> 16;
    }

    private static int mixK1(int k1) {
        return Integer.rotateLeft(k1 * 0xcc9e2d51, 15) * 0x1b873593;
    }

    private static int mixH1(int h1, int k1) {
        return Integer.rotateLeft(h1 ^ k1, 13) * 5 + 0xe6546b64;
    }
}
