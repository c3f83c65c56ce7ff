package io.tideway.util.sketch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Bloom filter, as Spark's {@code org.apache.spark.util.sketch.BloomFilter}: the same hashing
 * (Murmur3 of a long's 8 bytes or of the UTF-8 bytes of a string, {@code h1 + i * h2} for the
 * i-th hash function), the same sizes and the same byte format ({@link Version#V1}: version,
 * number of hash functions, word count, words, all big endian), so a filter written by one is
 * read by the other. Items are strings, byte arrays, or {@code Long}/{@code Integer}/
 * {@code Short}/{@code Byte}. Not thread-safe.
 */
public abstract class BloomFilter {
    static final double DEFAULT_FPP = 0.03;

    /** The versions of the binary format. */
    public enum Version {
        /** Version number, number of hash functions, then the bit array's words. */
        V1(1);

        private final int versionNumber;

        Version(int versionNumber) {
            this.versionNumber = versionNumber;
        }

        int getVersionNumber() {
            return versionNumber;
        }
    }

    /** The probability that {@link #mightContain} answers true for an item never put. */
    public abstract double expectedFpp();

    /** The number of bits (a multiple of 64). */
    public abstract long bitSize();

    /** Puts an item; whether a bit changed (false: the item may have been put before). */
    public abstract boolean put(Object item);

    /** Puts a string (its UTF-8 bytes). */
    public abstract boolean putString(String item);

    /** Puts a long. */
    public abstract boolean putLong(long item);

    /** Puts a byte array. */
    public abstract boolean putBinary(byte[] item);

    /** Whether {@code other} has the same bit size and number of hash functions. */
    public abstract boolean isCompatible(BloomFilter other);

    /** This filter with {@code other}'s items put too (a bitwise or). */
    public abstract BloomFilter mergeInPlace(BloomFilter other) throws IncompatibleMergeException;

    /** This filter keeping only bits {@code other} has too (a bitwise and). */
    public abstract BloomFilter intersectInPlace(BloomFilter other) throws IncompatibleMergeException;

    /** False when the item was certainly never put; true when it probably was. */
    public abstract boolean mightContain(Object item);

    /** {@link #mightContain} for a string. */
    public abstract boolean mightContainString(String item);

    /** {@link #mightContain} for a long. */
    public abstract boolean mightContainLong(long item);

    /** {@link #mightContain} for a byte array. */
    public abstract boolean mightContainBinary(byte[] item);

    /** Writes this filter in Spark's format; the stream is left open. */
    public abstract void writeTo(OutputStream out) throws IOException;

    /** The number of bits set. */
    public long cardinality() {
        throw new UnsupportedOperationException("Not implemented");
    }

    /** A filter written by {@link #writeTo} (here or by Spark); the stream is left open. */
    public static BloomFilter readFrom(InputStream in) throws IOException {
        return BloomFilterImpl.read(in);
    }

    /** A filter from the bytes {@link #writeTo} wrote. */
    public static BloomFilter readFrom(byte[] bytes) throws IOException {
        return readFrom(new ByteArrayInputStream(bytes));
    }

    /** The bits a filter of {@code n} items needs for false positive probability {@code p}. */
    public static long optimalNumOfBits(long n, double p) {
        return (long) (-n * Math.log(p) / (Math.log(2) * Math.log(2)));
    }

    /**
     * The bits for {@code expectedNumItems} items when the filter is sized for
     * {@code maxNumItems} at 3% false positives, capped at {@code maxNumOfBits}, as Spark's.
     */
    public static long optimalNumOfBits(long expectedNumItems, long maxNumItems, long maxNumOfBits) {
        double fpp = Math.min(expectedNumItems / (maxNumItems / DEFAULT_FPP), DEFAULT_FPP);
        return Math.min(optimalNumOfBits(expectedNumItems, fpp), maxNumOfBits);
    }

    private static int optimalNumOfHashFunctions(long n, long m) {
        return Math.max(1, (int) Math.round((double) m / n * Math.log(2)));
    }

    /** A filter for {@code expectedNumItems} items at 3% false positives. */
    public static BloomFilter create(long expectedNumItems) {
        return create(expectedNumItems, DEFAULT_FPP);
    }

    /** A filter for {@code expectedNumItems} items at false positive probability {@code fpp}. */
    public static BloomFilter create(long expectedNumItems, double fpp) {
        if (fpp <= 0D || fpp >= 1D) {
            throw new IllegalArgumentException("False positive probability must be within range (0.0, 1.0)");
        }
        return create(expectedNumItems, optimalNumOfBits(expectedNumItems, fpp));
    }

    /** A filter of {@code numBits} bits (rounded up to 64) for {@code expectedNumItems} items. */
    public static BloomFilter create(long expectedNumItems, long numBits) {
        if (expectedNumItems <= 0) {
            throw new IllegalArgumentException("Expected insertions must be positive");
        }
        if (numBits <= 0) {
            throw new IllegalArgumentException("Number of bits must be positive");
        }
        return new BloomFilterImpl(optimalNumOfHashFunctions(expectedNumItems, numBits), numBits);
    }
}
