package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.fn.HashKernels;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;

import java.util.Arrays;

/**
 * The order in which Spark's {@code collect_set} lists its values: the iteration order of the
 * Scala {@code mutable.HashSet} it collects into. That set keeps a power-of-two table (16 slots,
 * doubled when it would pass three quarters full) of chains sorted by the element's improved hash
 * ({@code h ^ (h >>> 16)} of Scala's {@code ##}: an int's value, a boolean's {@code hashCode}, a
 * string's Murmur3 with seed 42); it iterates slot by slot. Values of other types keep their
 * arrival order. Stateless.
 */
final class HashSetOrder {
    private static final int INITIAL_SLOTS = 16;

    private HashSetOrder() {
    }

    /**
     * The entries ({@link HeldList} offsets, in arrival order) in the set's iteration order: sorted
     * by slot, then by hash, ties keeping arrival order.
     */
    static int[] order(DirectBuffer b, int[] entries, DataType t) {
        int slots = INITIAL_SLOTS;
        while (entries.length >= (int) (slots * 0.75)) {
            slots *= 2;
        }
        int mask = slots - 1;
        long[] keyed = new long[entries.length];
        for (int i = 0; i < entries.length; i++) {
            int p = entries[i];
            int h = improve(hash(b, HeldList.valueAt(p), HeldList.valueLength(b, p), t));
            // slot in the high bits, the signed hash made unsigned-comparable below it; arrival order breaks ties
            keyed[i] = ((long) (h & mask) << 32 | (h ^ Integer.MIN_VALUE) & 0xFFFF_FFFFL);
        }
        Integer[] idx = new Integer[entries.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Long.compare(keyed[x], keyed[y])); // stable
        int[] out = new int[entries.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = entries[idx[i]];
        }
        return out;
    }

    private static int improve(int h) {
        return h ^ (h >>> 16);
    }

    /** Scala's {@code ##} of the value as Spark's set holds it (boxed ints, longs, doubles; UTF8String). */
    private static int hash(DirectBuffer b, int at, int len, DataType t) {
        if (t == DataTypes.BooleanType) {
            return b.getLong(at) != 0 ? 1231 : 1237;
        }
        if (t == DataTypes.IntegerType || t == DataTypes.DateType || t == DataTypes.ShortType || t == DataTypes.ByteType) {
            return (int) b.getLong(at);
        }
        if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
            return ScalaHashes.longHash(b.getLong(at));
        }
        if (t == DataTypes.DoubleType) {
            return ScalaHashes.doubleHash(Double.longBitsToDouble(b.getLong(at)));
        }
        if (t == DataTypes.FloatType) {
            return ScalaHashes.floatHash((float) Double.longBitsToDouble(b.getLong(at)));
        }
        if (t == DataTypes.StringType) {
            return HashKernels.murmurBytes(b, at, len, 42);
        }
        return 0;
    }



}
