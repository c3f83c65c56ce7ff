package io.tideway.util.sketch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The bits of a {@link BloomFilter}: whole 64-bit words (so its size rounds up to a multiple of
 * 64, as Spark's) and a count of the bits set. Written as the word count then the words, big
 * endian. Not thread-safe.
 */
final class BitArray implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] data;
    private long bitCount;

    BitArray(long numBits) {
        this(new long[numWords(numBits)]);
    }

    private BitArray(long[] data) {
        this.data = data;
        long count = 0;
        for (long word : data) {
            count += Long.bitCount(word);
        }
        this.bitCount = count;
    }

    static int numWords(long numBits) {
        if (numBits <= 0) {
            throw new IllegalArgumentException("numBits must be positive, but got " + numBits);
        }
        long words = (long) Math.ceil(numBits / 64.0);
        if (words > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Can't allocate enough space for " + numBits + " bits");
        }
        return (int) words;
    }

    /** Sets bit {@code index}; whether it was clear before. */
    boolean set(long index) {
        if (get(index)) {
            return false;
        }
        data[(int) (index >>> 6)] |= 1L << index;
        bitCount++;
        return true;
    }

    boolean get(long index) {
        return (data[(int) (index >>> 6)] & 1L << index) != 0;
    }

    long bitSize() {
        return (long) data.length * Long.SIZE;
    }

    long cardinality() {
        return bitCount;
    }

    void putAll(BitArray other) {
        long count = 0;
        for (int i = 0; i < data.length; i++) {
            data[i] |= other.data[i];
            count += Long.bitCount(data[i]);
        }
        bitCount = count;
    }

    void and(BitArray other) {
        long count = 0;
        for (int i = 0; i < data.length; i++) {
            data[i] &= other.data[i];
            count += Long.bitCount(data[i]);
        }
        bitCount = count;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(data.length);
        for (long word : data) {
            out.writeLong(word);
        }
    }

    static BitArray readFrom(DataInputStream in) throws IOException {
        long[] words = new long[in.readInt()];
        for (int i = 0; i < words.length; i++) {
            words[i] = in.readLong();
        }
        return new BitArray(words);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BitArray that && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }
}
