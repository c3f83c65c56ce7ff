package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.CollectionOut;
import io.tideway.engine.expr.SqlArithmetic;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The code of the array functions that compare elements: searching for a value
 * ({@code array_contains}, {@code array_position}, {@code array_remove}) and the set functions
 * ({@code array_distinct}, {@code array_union}, {@code array_intersect}, {@code array_except},
 * {@code arrays_overlap}). Elements are equal as Spark's ordering has them ({@code NaN} equals
 * {@code NaN}); sets keep first occurrences in order and at most one null. Called alike by
 * generated chains and interpreted evaluators ({@code ArraySetFunctions}); stateless.
 */
public final class ArraySetKernels {
    private ArraySetKernels() {
    }

    // ---- searching: the value is given in every form, only its type's is read ----

    /** Whether element {@code i} of {@code a} equals the value (of element type {@code t}). */
    private static boolean equalsValue(ArrayReader a, int i, DataType t, long l, double d, DirectBuffer vb, int vo, int vl,
                                       BigDecimal dec) {
        if (t == DataTypes.DoubleType || t == DataTypes.FloatType) {
            return SqlArithmetic.compare(a.getDouble(i), d) == 0;
        }
        if (t instanceof DecimalType dt) {
            return ArrayKernels.decimalAt(a.buffer(), a.offset(), i, dt.precision(), dt.scale()).compareTo(dec) == 0;
        }
        if (ArrayElements.int32(t)) {
            return a.getInt(i) == (int) l;
        }
        if (ArrayElements.inSlot(t)) {
            return a.getLong(i) == l;
        }
        if (t instanceof io.tideway.sql.types.ArrayType at) {
            return ArrayElements.equalArrays(a.buffer(), a.varOffset(i), a.varLength(i), vb, vo, vl, at.elementType());
        }
        return io.tideway.engine.expr.Bytes.equals(a.buffer(), a.varOffset(i), a.varLength(i), vb, vo, vl);
    }

    /** {@code array_contains}: 1 true, 0 false, -1 null (not found but the array holds a null). */
    public static int contains(DirectBuffer b, int o, int n, DataType t, long l, double d, DirectBuffer vb, int vo, int vl,
                               BigDecimal dec) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        boolean sawNull = false;
        for (int i = 0; i < a.count(); i++) {
            if (a.isNullAt(i)) {
                sawNull = true;
            } else if (equalsValue(a, i, t, l, d, vb, vo, vl, dec)) {
                return 1;
            }
        }
        return sawNull ? -1 : 0;
    }

    /** {@code array_position}: the 1-based position of the first equal element, 0 if none. */
    public static long position(DirectBuffer b, int o, int n, DataType t, long l, double d, DirectBuffer vb, int vo, int vl,
                                BigDecimal dec) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        for (int i = 0; i < a.count(); i++) {
            if (!a.isNullAt(i) && equalsValue(a, i, t, l, d, vb, vo, vl, dec)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** {@code array_remove}: the elements not equal to the value (null elements stay). */
    public static int remove(DirectBuffer b, int o, int n, DataType t, long l, double d, DirectBuffer vb, int vo, int vl,
                             BigDecimal dec, CollectionOut out) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < a.count(); i++) {
            if (a.isNullAt(i) || !equalsValue(a, i, t, l, d, vb, vo, vl, dec)) {
                keep.add(i);
            }
        }
        return ArrayKernels.copyOf(a, keep, t, out);
    }

    // ---- sets ----

    /** {@code array_distinct}: first occurrences in order, one null at most. */
    public static int distinct(DirectBuffer b, int o, int n, DataType t, CollectionOut out) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        return ArrayKernels.copyOf(a, distinctIndexes(a, t, new HashSet<>(), new boolean[1]), t, out);
    }

    private static List<Integer> distinctIndexes(ArrayReader a, DataType t, Set<Object> seen, boolean[] sawNull) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < a.count(); i++) {
            if (a.isNullAt(i)) {
                if (!sawNull[0]) {
                    sawNull[0] = true;
                    keep.add(i);
                }
            } else if (seen.add(ArrayElements.key(a, i, t))) {
                keep.add(i);
            }
        }
        return keep;
    }

    /** {@code array_union}: the distinct elements of the first array, then the second's not seen. */
    public static int union(DirectBuffer b1, int o1, int n1, DirectBuffer b2, int o2, int n2, DataType t, CollectionOut out) {
        ArrayReader a = new ArrayReader().wrap(b1, o1, n1);
        ArrayReader c = new ArrayReader().wrap(b2, o2, n2);
        Set<Object> seen = new HashSet<>();
        boolean[] sawNull = new boolean[1];
        List<Integer> first = distinctIndexes(a, t, seen, sawNull);
        List<Integer> second = distinctIndexes(c, t, seen, sawNull);
        ArrayWriter w = out.array(first.size() + second.size());
        boolean inSlot = ArrayElements.inSlot(t);
        for (int j = 0; j < first.size(); j++) {
            ArrayElements.copy(a, first.get(j), w, j, inSlot);
        }
        for (int j = 0; j < second.size(); j++) {
            ArrayElements.copy(c, second.get(j), w, first.size() + j, inSlot);
        }
        return w.finish();
    }

    /** {@code array_intersect} ({@code keepCommon}) or {@code array_except}: distinct elements of the first, by membership in the second. */
    public static int intersectOrExcept(DirectBuffer b1, int o1, int n1, DirectBuffer b2, int o2, int n2, DataType t,
                                        boolean keepCommon, CollectionOut out) {
        ArrayReader a = new ArrayReader().wrap(b1, o1, n1);
        ArrayReader c = new ArrayReader().wrap(b2, o2, n2);
        Set<Object> other = new HashSet<>();
        boolean otherNull = false;
        for (int i = 0; i < c.count(); i++) {
            if (c.isNullAt(i)) {
                otherNull = true;
            } else {
                other.add(ArrayElements.key(c, i, t));
            }
        }
        List<Integer> keep = new ArrayList<>();
        for (int i : distinctIndexes(a, t, new HashSet<>(), new boolean[1])) {
            boolean inOther = a.isNullAt(i) ? otherNull : other.contains(ArrayElements.key(a, i, t));
            if (inOther == keepCommon) {
                keep.add(i);
            }
        }
        return ArrayKernels.copyOf(a, keep, t, out);
    }

    /** {@code arrays_overlap}: 1 if a non-null element is in both, else -1 (null) if both are non-empty and one holds a null, else 0. */
    public static int overlap(DirectBuffer b1, int o1, int n1, DirectBuffer b2, int o2, int n2, DataType t) {
        ArrayReader a = new ArrayReader().wrap(b1, o1, n1);
        ArrayReader c = new ArrayReader().wrap(b2, o2, n2);
        Set<Object> keys = new HashSet<>();
        boolean sawNull = false;
        for (int i = 0; i < a.count(); i++) {
            if (a.isNullAt(i)) {
                sawNull = true;
            } else {
                keys.add(ArrayElements.key(a, i, t));
            }
        }
        for (int i = 0; i < c.count(); i++) {
            if (c.isNullAt(i)) {
                sawNull = true;
            } else if (keys.contains(ArrayElements.key(c, i, t))) {
                return 1;
            }
        }
        return sawNull && a.count() > 0 && c.count() > 0 ? -1 : 0;
    }
}
