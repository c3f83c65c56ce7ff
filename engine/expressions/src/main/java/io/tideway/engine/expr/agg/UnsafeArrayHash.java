package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.fn.HashKernels;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The Java {@code hashCode} Spark's {@code UnsafeArrayData} has — Murmur3 (seed 42) of its binary
 * layout — for arrays whose elements are fixed-width primitives, so that hash maps and sets keyed
 * by arrays iterate in Spark's order. The layout: the element count as a long, a null bit per
 * element rounded up to whole longs, then each element at its natural width (1, 2, 4 or 8 bytes,
 * zero for a null), the element region rounded up to a multiple of 8 bytes. Stateless.
 */
final class UnsafeArrayHash {
    private static final int SEED = 42;

    private UnsafeArrayHash() {
    }

    /** The hash of {@code a}'s elements of type {@code element}, or null when their layout is not modelled. */
    static Integer of(ArrayReader a, DataType element) {
        int width = width(element);
        if (width == 0) {
            return null;
        }
        int n = a.count();
        int header = 8 + ((n + 63) / 64) * 8;
        int size = header + ((n * width + 7) & ~7);
        UnsafeBuffer u = new UnsafeBuffer(new byte[size]);
        u.putLong(0, n, java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            int at = header + i * width;
            if (a.isNullAt(i)) {
                int word = 8 + (i >>> 6) * 8;
                u.putLong(word, u.getLong(word, java.nio.ByteOrder.LITTLE_ENDIAN) | (1L << (i & 63)),
                        java.nio.ByteOrder.LITTLE_ENDIAN);
            } else {
                put(u, at, a, i, element);
            }
        }
        return HashKernels.murmurBytes(u, 0, size, SEED);
    }

    /** An element's width in Spark's layout; 0 for elements stored by offset and size there. */
    private static int width(DataType t) {
        if (t == DataTypes.BooleanType || t == DataTypes.ByteType) {
            return 1;
        }
        if (t == DataTypes.ShortType) {
            return 2;
        }
        if (t == DataTypes.IntegerType || t == DataTypes.DateType || t == DataTypes.FloatType) {
            return 4;
        }
        if (t == DataTypes.LongType || t == DataTypes.TimestampType || t == DataTypes.TimestampNTZType
                || t == DataTypes.DoubleType) {
            return 8;
        }
        return 0;
    }

    private static void put(UnsafeBuffer u, int at, ArrayReader a, int i, DataType t) {
        java.nio.ByteOrder le = java.nio.ByteOrder.LITTLE_ENDIAN;
        if (t == DataTypes.BooleanType) {
            u.putByte(at, (byte) (a.getBoolean(i) ? 1 : 0));
        } else if (t == DataTypes.ByteType) {
            u.putByte(at, (byte) a.getLong(i));
        } else if (t == DataTypes.ShortType) {
            u.putShort(at, (short) a.getLong(i), le);
        } else if (t == DataTypes.IntegerType || t == DataTypes.DateType) {
            u.putInt(at, a.getInt(i), le);
        } else if (t == DataTypes.FloatType) {
            u.putFloat(at, (float) a.getDouble(i), le);
        } else if (t == DataTypes.DoubleType) {
            u.putDouble(at, a.getDouble(i), le);
        } else {
            u.putLong(at, a.getLong(i), le);
        }
    }
}
