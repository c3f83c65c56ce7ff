package io.tideway.util.sketch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Count-min sketch, as Spark's {@code org.apache.spark.util.sketch.CountMinSketch}: estimated
 * counts of items (never below the true count) in {@code depth} rows of {@code width} counters.
 * Rows hash longs with Spark's pairwise-independent functions seeded by {@code java.util.Random}
 * and strings/binaries with Murmur3, and the byte format is Spark's ({@link Version#V1}: version,
 * total count, depth, width, the row hash seeds, the counters, all big endian), so a sketch written
 * by one is read by the other. Not thread-safe.
 */
public abstract class CountMinSketch {

    /** The versions of the binary format. */
    public enum Version {
        /** Version, total count, depth, width, hash seeds, then the counters row by row. */
        V1(1);

        private final int versionNumber;

        Version(int versionNumber) {
            this.versionNumber = versionNumber;
        }

        int getVersionNumber() {
            return versionNumber;
        }
    }

    /** The relative error {@code 2 / width}. */
    public abstract double relativeError();

    /** The confidence {@code 1 - 2^-depth}. */
    public abstract double confidence();

    /** The number of rows. */
    public abstract int depth();

    /** The number of counters per row. */
    public abstract int width();

    /** The sum of all counts added. */
    public abstract long totalCount();

    /** Adds 1 for an item (a string, a byte array or an integral number). */
    public abstract void add(Object item);

    /** Adds {@code count} for an item. */
    public abstract void add(Object item, long count);

    /** Adds 1 for a long. */
    public abstract void addLong(long item);

    /** Adds {@code count} for a long. */
    public abstract void addLong(long item, long count);

    /** Adds 1 for a string. */
    public abstract void addString(String item);

    /** Adds {@code count} for a string. */
    public abstract void addString(String item, long count);

    /** Adds 1 for a byte array. */
    public abstract void addBinary(byte[] item);

    /** Adds {@code count} for a byte array. */
    public abstract void addBinary(byte[] item, long count);

    /** The estimated count of an item (at least its true count). */
    public abstract long estimateCount(Object item);

    /** Adds {@code other}'s counts (same depth, width and seed) to this sketch. */
    public abstract CountMinSketch mergeInPlace(CountMinSketch other) throws IncompatibleMergeException;

    /** Writes this sketch in Spark's format; the stream is left open. */
    public abstract void writeTo(OutputStream out) throws IOException;

    /** This sketch in Spark's format. */
    public abstract byte[] toByteArray() throws IOException;

    /** A sketch written by {@link #writeTo} (here or by Spark); the stream is left open. */
    public static CountMinSketch readFrom(InputStream in) throws IOException {
        return CountMinSketchImpl.read(in);
    }

    /** A sketch from the bytes {@link #toByteArray} gave. */
    public static CountMinSketch readFrom(byte[] bytes) throws IOException {
        return readFrom(new ByteArrayInputStream(bytes));
    }

    /** An empty sketch of {@code depth} rows of {@code width} counters. */
    public static CountMinSketch create(int depth, int width, int seed) {
        return new CountMinSketchImpl(depth, width, seed);
    }

    /** An empty sketch sized for relative error {@code eps} at {@code confidence}. */
    public static CountMinSketch create(double eps, double confidence, int seed) {
        return new CountMinSketchImpl(eps, confidence, seed);
    }
}
