package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Bytes;
import io.tideway.engine.expr.SqlArithmetic;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.MapType;
import org.agrona.DirectBuffer;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The elements of encoded arrays by their type, for the collection kernels: copying one from array
 * to array (a slot as it is, or its bytes), ordering two as Spark orders them ({@code NaN} largest,
 * arrays element by element then by length), and a key equal for equal elements, for the
 * set-like functions. Stateless.
 */
public final class ArrayElements {
    private ArrayElements() {
    }

    /** Whether an element of {@code t} is read as an int (its slot's low 32 bits). */
    public static boolean int32(DataType t) {
        return t == DataTypes.IntegerType || t == DataTypes.DateType;
    }

    /** Whether an element of {@code t} lives in its slot (else in the array's variable region). */
    public static boolean inSlot(DataType t) {
        return t.isFixedWidth() || t == DataTypes.NullType;
    }

    /** Element {@code i} of {@code src} as element {@code j} of {@code dst}. */
    public static void copy(ArrayReader src, int i, ArrayWriter dst, int j, boolean inSlot) {
        if (src.isNullAt(i)) {
            dst.setNull(j);
        } else if (inSlot) {
            dst.putLong(j, src.getLong(i));
        } else {
            dst.putBytes(j, src.buffer(), src.varOffset(i), src.varLength(i));
        }
    }

    /** Orders two non-null elements of type {@code t} as Spark does; maps have no order (callers refuse them). */
    public static int compare(ArrayReader a, int i, ArrayReader b, int j, DataType t) {
        if (t == DataTypes.DoubleType || t == DataTypes.FloatType) {
            return SqlArithmetic.compare(a.getDouble(i), b.getDouble(j));
        }
        if (int32(t)) {
            return Integer.compare(a.getInt(i), b.getInt(j));
        }
        if (t instanceof DecimalType d && !d.isFixedWidth()) {
            return bigUnscaled(a, i).compareTo(bigUnscaled(b, j));
        }
        if (inSlot(t)) {
            return Long.compare(a.getLong(i), b.getLong(j));
        }
        if (t instanceof ArrayType at) {
            return compareArrays(a.buffer(), a.varOffset(i), a.varLength(i), b.buffer(), b.varOffset(j), b.varLength(j),
                    at.elementType());
        }
        if (t instanceof io.tideway.sql.types.StructType st) {
            return compareStructs(a.buffer(), a.varOffset(i), a.varLength(i), b.buffer(), b.varOffset(j), b.varLength(j), st);
        }
        return Bytes.compare(a.buffer(), a.varOffset(i), a.varLength(i), b.buffer(), b.varOffset(j), b.varLength(j));
    }

    /** Spark's struct ordering: field by field, a null field first. */
    public static int compareStructs(DirectBuffer ab, int ao, int al, DirectBuffer bb, int bo, int bl,
            io.tideway.sql.types.StructType st) {
        io.tideway.offheap.row.RowReader a = new io.tideway.offheap.row.RowReader(st.length()).wrap(ab, ao, al);
        io.tideway.offheap.row.RowReader b = new io.tideway.offheap.row.RowReader(st.length()).wrap(bb, bo, bl);
        for (int k = 0; k < st.length(); k++) {
            boolean an = a.isNullAt(k);
            boolean bn = b.isNullAt(k);
            if (an || bn) {
                if (an != bn) {
                    return an ? -1 : 1;
                }
                continue;
            }
            int c = compareField(a, b, k, st.apply(k).dataType());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareField(io.tideway.offheap.row.RowReader a, io.tideway.offheap.row.RowReader b, int k, DataType t) {
        if (t == DataTypes.DoubleType || t == DataTypes.FloatType) {
            return SqlArithmetic.compare(a.getDouble(k), b.getDouble(k));
        }
        if (int32(t)) {
            return Integer.compare(a.getInt(k), b.getInt(k));
        }
        if (t instanceof DecimalType d) {
            return a.getDecimal(k, d.precision(), d.scale()).compareTo(b.getDecimal(k, d.precision(), d.scale()));
        }
        if (inSlot(t)) {
            return Long.compare(a.getLong(k), b.getLong(k));
        }
        DirectBuffer x = a.buffer();
        DirectBuffer y = b.buffer();
        if (t instanceof ArrayType at) {
            return compareArrays(x, a.varOffset(k), a.varLength(k), y, b.varOffset(k), b.varLength(k), at.elementType());
        }
        if (t instanceof io.tideway.sql.types.StructType st) {
            return compareStructs(x, a.varOffset(k), a.varLength(k), y, b.varOffset(k), b.varLength(k), st);
        }
        return Bytes.compare(x, a.varOffset(k), a.varLength(k), y, b.varOffset(k), b.varLength(k));
    }

    /** Spark's array ordering: element by element (a null element first), then the shorter first. */
    public static int compareArrays(DirectBuffer ab, int ao, int al, DirectBuffer bb, int bo, int bl, DataType element) {
        ArrayReader a = new ArrayReader().wrap(ab, ao, al);
        ArrayReader b = new ArrayReader().wrap(bb, bo, bl);
        int n = Math.min(a.count(), b.count());
        for (int k = 0; k < n; k++) {
            boolean an = a.isNullAt(k);
            boolean bn = b.isNullAt(k);
            if (an || bn) {
                if (an != bn) {
                    return an ? -1 : 1;
                }
                continue;
            }
            int c = compare(a, k, b, k, element);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.count(), b.count());
    }

    /** Whether two encoded arrays are equal element by element (as Spark's {@code =} on arrays). */
    public static boolean equalArrays(DirectBuffer ab, int ao, int al, DirectBuffer bb, int bo, int bl, DataType element) {
        return compareArrays(ab, ao, al, bb, bo, bl, element) == 0;
    }

    private static BigInteger bigUnscaled(ArrayReader a, int i) {
        byte[] b = new byte[a.varLength(i)];
        a.buffer().getBytes(a.varOffset(i), b);
        return new BigInteger(b);
    }

    /**
     * A Java key equal for elements Spark takes as equal ({@code NaN} equals {@code NaN}; other
     * values by their bytes), for hash sets of elements.
     */
    public static Object key(ArrayReader a, int i, DataType t) {
        if (t == DataTypes.DoubleType || t == DataTypes.FloatType) {
            return a.getDouble(i); // Double.equals: NaN equals NaN
        }
        if (int32(t)) {
            return (long) a.getInt(i);
        }
        if (inSlot(t)) {
            return a.getLong(i);
        }
        byte[] b = new byte[a.varLength(i)];
        a.buffer().getBytes(a.varOffset(i), b);
        return new ByteKey(b);
    }

    /** Bytes compared by content. */
    record ByteKey(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ByteKey k && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    /** Whether values of {@code t} have an order (Spark's {@code RowOrdering.isOrderable}): not maps, nor arrays of them. */
    public static boolean orderable(DataType t) {
        if (t instanceof MapType) {
            return false;
        }
        if (t instanceof ArrayType at) {
            return orderable(at.elementType());
        }
        if (t instanceof io.tideway.sql.types.StructType st) {
            for (io.tideway.sql.types.StructField f : st.fields()) {
                if (!orderable(f.dataType())) {
                    return false;
                }
            }
        }
        return true;
    }
}
