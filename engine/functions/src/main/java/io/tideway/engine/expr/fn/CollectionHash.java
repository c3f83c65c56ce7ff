package io.tideway.engine.expr.fn;

import io.tideway.offheap.row.ArrayReader;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.MapType;
import org.agrona.DirectBuffer;

/**
 * {@code hash} and {@code xxhash64} of an array, as Spark's {@code HashExpression}: each non-null
 * element folded into the running hash in order, by its type's hash ({@link HashKernels}).
 * Maps are refused at analysis (Spark's {@code HASH_MAP_TYPE}). Stateless.
 */
public final class CollectionHash {
    private CollectionHash() {
    }

    /** Whether {@code t} is or holds a map, which Spark does not hash. */
    public static boolean holdsMap(DataType t) {
        if (t instanceof MapType) {
            return true;
        }
        if (t instanceof ArrayType at) {
            return holdsMap(at.elementType());
        }
        return false;
    }

    public static int murmurArray(DirectBuffer b, int o, int n, DataType type, int seed) {
        DataType t = ((ArrayType) type).elementType();
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        int h = seed;
        for (int i = 0; i < a.count(); i++) {
            if (!a.isNullAt(i)) {
                h = murmurElement(a, i, t, h);
            }
        }
        return h;
    }

    private static int murmurElement(ArrayReader a, int i, DataType t, int h) {
        if (t == DataTypes.DoubleType) {
            return HashKernels.murmurDouble(a.getDouble(i), h);
        } else if (t == DataTypes.FloatType) {
            return HashKernels.murmurFloat(a.getDouble(i), h);
        } else if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
            return HashKernels.murmurLong(a.getLong(i), h);
        } else if (t instanceof DecimalType d) {
            return HashKernels.murmurDecimal(ArrayKernels.decimalAt(a.buffer(), a.offset(), i, d.precision(), d.scale()),
                    d.precision(), h);
        } else if (t instanceof ArrayType) {
            return murmurArray(a.buffer(), a.varOffset(i), a.varLength(i), t, h);
        } else if (ArrayElements.inSlot(t)) {
            return HashKernels.murmurInt(ArrayElements.int32(t) ? a.getInt(i) : a.getLong(i), h);
        }
        return HashKernels.murmurBytes(a.buffer(), a.varOffset(i), a.varLength(i), h);
    }

    public static long xxArray(DirectBuffer b, int o, int n, DataType type, long seed) {
        DataType t = ((ArrayType) type).elementType();
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        long h = seed;
        for (int i = 0; i < a.count(); i++) {
            if (!a.isNullAt(i)) {
                h = xxElement(a, i, t, h);
            }
        }
        return h;
    }

    private static long xxElement(ArrayReader a, int i, DataType t, long h) {
        if (t == DataTypes.DoubleType) {
            return HashKernels.xxDouble(a.getDouble(i), h);
        } else if (t == DataTypes.FloatType) {
            return HashKernels.xxFloat(a.getDouble(i), h);
        } else if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
            return HashKernels.xxLong(a.getLong(i), h);
        } else if (t instanceof DecimalType d) {
            return HashKernels.xxDecimal(ArrayKernels.decimalAt(a.buffer(), a.offset(), i, d.precision(), d.scale()),
                    d.precision(), h);
        } else if (t instanceof ArrayType) {
            return xxArray(a.buffer(), a.varOffset(i), a.varLength(i), t, h);
        } else if (ArrayElements.inSlot(t)) {
            return HashKernels.xxInt(ArrayElements.int32(t) ? a.getInt(i) : a.getLong(i), h);
        }
        return HashKernels.xxBytes(a.buffer(), a.varOffset(i), a.varLength(i), h);
    }
}
