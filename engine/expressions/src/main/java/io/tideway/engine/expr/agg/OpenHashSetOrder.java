package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.fn.HashKernels;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;

import java.util.List;

/**
 * The iteration order of Spark's {@code OpenHashMap} (the map {@code mode} counts in) over keys
 * inserted in a given order: open addressing in a power-of-two table of 64 slots (doubled, keys
 * re-inserted in slot order, once more than 70% full), a key's first slot the Murmur3 (seed 0)
 * of its Java {@code hashCode} (a decimal's, Scala's BigDecimal hash), collisions probed at
 * +1, +2, +3...; iteration by slot. An array of fixed-width elements hashes as Spark's
 * {@code UnsafeArrayData} ({@link UnsafeArrayHash}). Keys of types whose hash is not modelled
 * (binaries, whose Java hash is their identity in Spark; arrays of strings or structs) keep their
 * insertion order. Stateless.
 */
final class OpenHashSetOrder {
    private static final int INITIAL_CAPACITY = 64;

    private OpenHashSetOrder() {
    }

    /** Indexes into {@code keys} (HeldList entry offsets) in the map's iteration order. */
    static int[] order(DirectBuffer b, List<Integer> keys, DataType t) {
        int[] hashes = new int[keys.size()];
        for (int i = 0; i < hashes.length; i++) {
            int p = keys.get(i);
            Integer h = javaHash(b, HeldList.valueAt(p), HeldList.valueLength(b, p), t);
            if (h == null) {
                int[] inOrder = new int[hashes.length];
                for (int j = 0; j < inOrder.length; j++) {
                    inOrder[j] = j;
                }
                return inOrder;
            }
            hashes[i] = HashKernels.murmurInt(h, 0);
        }
        int capacity = INITIAL_CAPACITY;
        int[] table = empty(capacity);
        int size = 0;
        for (int i = 0; i < hashes.length; i++) {
            place(table, hashes, i);
            if (++size > (int) (0.7 * capacity)) {
                capacity *= 2;
                int[] bigger = empty(capacity);
                for (int k : table) {
                    if (k >= 0) {
                        place(bigger, hashes, k);
                    }
                }
                table = bigger;
            }
        }
        int[] out = new int[hashes.length];
        int n = 0;
        for (int k : table) {
            if (k >= 0) {
                out[n++] = k;
            }
        }
        return out;
    }

    private static int[] empty(int capacity) {
        int[] table = new int[capacity];
        java.util.Arrays.fill(table, -1);
        return table;
    }

    private static void place(int[] table, int[] hashes, int k) {
        int mask = table.length - 1;
        int pos = hashes[k] & mask;
        for (int delta = 1; table[pos] >= 0; delta++) {
            pos = (pos + delta) & mask;
        }
        table[pos] = k;
    }

    /** The Java {@code hashCode} of the value as Spark's map holds it, or null when not modelled. */
    private static Integer javaHash(DirectBuffer b, int at, int len, DataType t) {
        if (t == DataTypes.BooleanType) {
            return b.getLong(at) != 0 ? 1231 : 1237;
        }
        if (t == DataTypes.IntegerType || t == DataTypes.DateType || t == DataTypes.ShortType || t == DataTypes.ByteType) {
            return (int) b.getLong(at);
        }
        if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
            return Long.hashCode(b.getLong(at));
        }
        if (t == DataTypes.DoubleType) {
            return Double.hashCode(Double.longBitsToDouble(b.getLong(at)));
        }
        if (t == DataTypes.FloatType) {
            return Float.hashCode((float) Double.longBitsToDouble(b.getLong(at)));
        }
        if (t == DataTypes.StringType) {
            return HashKernels.murmurBytes(b, at, len, 42);
        }
        if (t instanceof io.tideway.sql.types.DecimalType d) {
            return scalaDecimalHash(ValueCodec.decimal(b, at, len, d));
        }
        if (t instanceof io.tideway.sql.types.ArrayType a) {
            return UnsafeArrayHash.of(new io.tideway.offheap.row.ArrayReader().wrap(b, at, len), a.elementType());
        }
        return null;
    }

    /**
     * Spark's {@code Decimal.hashCode}: the hash of the Scala {@code BigDecimal} it holds. A whole
     * number hashes as its integer; one a double holds exactly as that double's {@code ##}; any
     * other mixes its unscaled digits' hash with its scale.
     */
    private static int scalaDecimalHash(java.math.BigDecimal v) {
        java.math.BigDecimal stripped = v.stripTrailingZeros();
        if ((v.scale() <= 0 || stripped.scale() <= 0) && v.precision() - v.scale() < 4934) {
            java.math.BigInteger i = v.toBigInteger();
            return i.bitLength() < 64 ? ScalaHashes.longHash(i.longValue()) : i.hashCode();
        }
        double d = v.doubleValue();
        if (!Double.isInfinite(d)
                && new java.math.BigDecimal(Double.toString(d), java.math.MathContext.DECIMAL128).compareTo(v) == 0) {
            return ScalaHashes.doubleHash(d);
        }
        int k = stripped.scale() * 0xcc9e2d51; // Scala's MurmurHash3.mixLast(digits' hash, scale)
        k = Integer.rotateLeft(k, 15) * 0x1b873593;
        return stripped.scaleByPowerOfTen(stripped.scale()).toBigInteger().hashCode() ^ k;
    }


}
