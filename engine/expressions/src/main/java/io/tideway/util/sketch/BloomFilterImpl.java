package io.tideway.util.sketch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;

/** The {@link BloomFilter} Spark builds: {@code numHashFunctions} probes into one bit array. Not thread-safe. */
final class BloomFilterImpl extends BloomFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private int numHashFunctions;
    private BitArray bits;

    BloomFilterImpl(int numHashFunctions, long numBits) {
        this(new BitArray(numBits), numHashFunctions);
    }

    private BloomFilterImpl(BitArray bits, int numHashFunctions) {
        this.bits = bits;
        this.numHashFunctions = numHashFunctions;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof BloomFilterImpl that
                && numHashFunctions == that.numHashFunctions && bits.equals(that.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode() * 31 + numHashFunctions;
    }

    @Override
    public double expectedFpp() {
        return Math.pow((double) bits.cardinality() / bits.bitSize(), numHashFunctions);
    }

    @Override
    public long bitSize() {
        return bits.bitSize();
    }

    @Override
    public boolean put(Object item) {
        if (item instanceof String s) {
            return putString(s);
        }
        if (item instanceof byte[] b) {
            return putBinary(b);
        }
        return putLong(SketchItems.integralToLong(item));
    }

    @Override
    public boolean putString(String item) {
        return putBinary(SketchItems.utf8(item));
    }

    @Override
    public boolean putBinary(byte[] item) {
        int h1 = SketchHash.hashBytes(item, 0);
        return setAll(h1, SketchHash.hashBytes(item, h1));
    }

    @Override
    public boolean putLong(long item) {
        int h1 = SketchHash.hashLong(item, 0);
        return setAll(h1, SketchHash.hashLong(item, h1));
    }

    private boolean setAll(int h1, int h2) {
        long bitSize = bits.bitSize();
        boolean changed = false;
        for (int i = 1; i <= numHashFunctions; i++) {
            changed |= bits.set(probe(h1, h2, i) % bitSize);
        }
        return changed;
    }

    private boolean getAll(int h1, int h2) {
        long bitSize = bits.bitSize();
        for (int i = 1; i <= numHashFunctions; i++) {
            if (!bits.get(probe(h1, h2, i) % bitSize)) {
                return false;
            }
        }
        return true;
    }

    /** The i-th combined hash, flipped when negative (Spark's {@code ~combinedHash}). */
    private static int probe(int h1, int h2, int i) {
        int combined = h1 + i * h2;
        return combined < 0 ? ~combined : combined;
    }

    @Override
    public boolean mightContain(Object item) {
        if (item instanceof String s) {
            return mightContainString(s);
        }
        if (item instanceof byte[] b) {
            return mightContainBinary(b);
        }
        return mightContainLong(SketchItems.integralToLong(item));
    }

    @Override
    public boolean mightContainString(String item) {
        return mightContainBinary(SketchItems.utf8(item));
    }

    @Override
    public boolean mightContainBinary(byte[] item) {
        int h1 = SketchHash.hashBytes(item, 0);
        return getAll(h1, SketchHash.hashBytes(item, h1));
    }

    @Override
    public boolean mightContainLong(long item) {
        int h1 = SketchHash.hashLong(item, 0);
        return getAll(h1, SketchHash.hashLong(item, h1));
    }

    @Override
    public boolean isCompatible(BloomFilter other) {
        return other instanceof BloomFilterImpl that
                && bitSize() == that.bitSize() && numHashFunctions == that.numHashFunctions;
    }

    @Override
    public BloomFilter mergeInPlace(BloomFilter other) throws IncompatibleMergeException {
        bits.putAll(compatible(other).bits);
        return this;
    }

    @Override
    public BloomFilter intersectInPlace(BloomFilter other) throws IncompatibleMergeException {
        bits.and(compatible(other).bits);
        return this;
    }

    @Override
    public long cardinality() {
        return bits.cardinality();
    }

    private BloomFilterImpl compatible(BloomFilter other) throws IncompatibleMergeException {
        if (other == null) {
            throw new IncompatibleMergeException("Cannot merge null bloom filter");
        }
        if (!(other instanceof BloomFilterImpl that)) {
            throw new IncompatibleMergeException("Cannot merge bloom filter of class " + other.getClass().getName());
        }
        if (bitSize() != that.bitSize()) {
            throw new IncompatibleMergeException("Cannot merge bloom filters with different bit size");
        }
        if (numHashFunctions != that.numHashFunctions) {
            throw new IncompatibleMergeException("Cannot merge bloom filters with different number of hash functions");
        }
        return that;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(Version.V1.getVersionNumber());
        data.writeInt(numHashFunctions);
        bits.writeTo(data);
        data.flush();
    }

    static BloomFilterImpl read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int version = data.readInt();
        if (version != Version.V1.getVersionNumber()) {
            throw new IOException("Unexpected Bloom filter version number (" + version + ")");
        }
        int hashFunctions = data.readInt();
        return new BloomFilterImpl(BitArray.readFrom(data), hashFunctions);
    }
}
