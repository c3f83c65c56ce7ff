package io.tideway.util.sketch;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The bytes of a serialized {@link CountMinSketch} (Spark's {@link CountMinSketch.Version#V1}
 * format, big endian), and counts added to them where they lie, so an aggregate that holds a
 * sketch as its bytes ({@code count_min_sketch}) adds a row without reading the whole sketch:
 * <pre>
 *  0          4                  12        16        20
 *  | version 1 | total count long | depth int | width int | depth x hash seed long | depth x width counters long |
 * </pre>
 * The bucket functions are the ones {@link CountMinSketch} itself uses. Stateless.
 */
public final class CountMinSketchDescriptor {
    public static final int TOTAL_COUNT_OFFSET = 4;
    public static final int DEPTH_OFFSET = 12;
    public static final int WIDTH_OFFSET = 16;
    public static final int SEEDS_OFFSET = 20;
    private static final long PRIME_MODULUS = (1L << 31) - 1;
    private static final ByteOrder ORDER = ByteOrder.BIG_ENDIAN;

    private CountMinSketchDescriptor() {
    }

    /** Adds one occurrence of {@code item} to the sketch whose bytes start at {@code at}. */
    public static void addLong(MutableDirectBuffer b, int at, long item) {
        int depth = b.getInt(at + DEPTH_OFFSET, ORDER);
        int width = b.getInt(at + WIDTH_OFFSET, ORDER);
        for (int row = 0; row < depth; row++) {
            increment(b, at, depth, width, row, longBucket(b.getLong(at + SEEDS_OFFSET + 8 * row, ORDER), item, width));
        }
        b.putLong(at + TOTAL_COUNT_OFFSET, b.getLong(at + TOTAL_COUNT_OFFSET, ORDER) + 1, ORDER);
    }

    /** Adds one occurrence of the bytes {@code item} to the sketch whose bytes start at {@code at}. */
    public static void addBinary(MutableDirectBuffer b, int at, byte[] item) {
        int depth = b.getInt(at + DEPTH_OFFSET, ORDER);
        int width = b.getInt(at + WIDTH_OFFSET, ORDER);
        int h1 = SketchHash.hashBytes(item, 0);
        int h2 = SketchHash.hashBytes(item, h1);
        for (int row = 0; row < depth; row++) {
            increment(b, at, depth, width, row, binaryBucket(h1, h2, row, width));
        }
        b.putLong(at + TOTAL_COUNT_OFFSET, b.getLong(at + TOTAL_COUNT_OFFSET, ORDER) + 1, ORDER);
    }

    private static void increment(MutableDirectBuffer b, int at, int depth, int width, int row, int column) {
        int counter = at + SEEDS_OFFSET + 8 * depth + 8 * (row * width + column);
        b.putLong(counter, b.getLong(counter, ORDER) + 1, ORDER);
    }

    /** A row's bucket for a long: Spark's multiply by the row's seed, fold and mod-prime. */
    static int longBucket(long seed, long item, int width) {
        long hash = seed * item;
        hash += hash >> 32;
        hash &= PRIME_MODULUS;
        return ((int) hash) % width;
    }

    /** Row {@code row}'s bucket for bytes hashed to {@code h1, h2}. */
    static int binaryBucket(int h1, int h2, int row, int width) {
        return Math.abs((h1 + row * h2) % width);
    }
}
