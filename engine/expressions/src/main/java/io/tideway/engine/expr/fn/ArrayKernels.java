package io.tideway.engine.expr.fn;

import io.tideway.SparkArrayIndexOutOfBoundsException;
import io.tideway.SparkRuntimeException;
import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.RowDescriptor;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The array functions' code, called alike by generated chains and interpreted evaluators
 * ({@code ArrayFunctions}): reading and indexing elements, ordering and shaping arrays (those that
 * compare elements with a value or each other are {@link ArraySetKernels}). An array is its
 * encoded bytes {@code (b, o, n)}; a result array is
 * written into the call site's {@link CollectionOut} and its length returned (-1: null). Elements
 * are handled by their type ({@link ArrayElements}), copied slot for slot, never decoded to Java
 * values. Stateless.
 */
public final class ArrayKernels {
    private ArrayKernels() {
    }

    // ---- reading one element (after an index kernel found it) ----

    /** The number of elements of the array at {@code o}. */
    public static int count(DirectBuffer b, int o) {
        return b.getInt(o);
    }

    private static int slot(DirectBuffer b, int o, int i) {
        return o + RowDescriptor.arraySlotOffset(b.getInt(o), i);
    }

    public static long longAt(DirectBuffer b, int o, int i, boolean int32) {
        return int32 ? b.getInt(slot(b, o, i)) : b.getLong(slot(b, o, i));
    }

    public static double doubleAt(DirectBuffer b, int o, int i) {
        return b.getDouble(slot(b, o, i));
    }

    /** Absolute offset of element {@code i}'s bytes. */
    public static int varOffsetAt(DirectBuffer b, int o, int i) {
        return o + RowDescriptor.varOffset(b.getLong(slot(b, o, i)));
    }

    public static int varLengthAt(DirectBuffer b, int o, int i) {
        return RowDescriptor.varLength(b.getLong(slot(b, o, i)));
    }

    public static BigDecimal decimalAt(DirectBuffer b, int o, int i, int precision, int scale) {
        if (precision <= RowDescriptor.MAX_LONG_DIGITS) {
            return BigDecimal.valueOf(b.getLong(slot(b, o, i)), scale);
        }
        byte[] bytes = new byte[varLengthAt(b, o, i)];
        b.getBytes(varOffsetAt(b, o, i), bytes);
        return new BigDecimal(new BigInteger(bytes), scale);
    }

    /** Writes a decimal element at its type's scale. */
    public static void putDecimal(ArrayWriter w, int i, BigDecimal v, int precision) {
        if (precision <= RowDescriptor.MAX_LONG_DIGITS) {
            w.putLong(i, v.unscaledValue().longValue());
        } else {
            byte[] bytes = v.unscaledValue().toByteArray();
            w.putBytes(i, new org.agrona.concurrent.UnsafeBuffer(bytes), 0, bytes.length);
        }
    }

    private static boolean isNullAt(DirectBuffer b, int o, int i) {
        long word = b.getLong(o + RowDescriptor.ARRAY_HEADER_LENGTH + ((i >>> 6) << 3));
        return (word & (1L << (i & 63))) != 0;
    }

    // ---- indexing ----

    /**
     * {@code element_at(arr, index)}: 1-based, negative from the end; the 0-based position, or -1
     * for null (an index out of range without ANSI, or under {@code try_element_at}; a null element).
     */
    public static int elementAt(DirectBuffer b, int o, long index, boolean fail) {
        int n = b.getInt(o);
        if (index == 0) {
            throw new SparkRuntimeException("INVALID_INDEX_OF_ZERO", Map.of());
        }
        if (index > n || index < -n) {
            if (fail) {
                throw new SparkArrayIndexOutOfBoundsException("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", Map.of(
                        "indexValue", String.valueOf(index), "arraySize", String.valueOf(n)));
            }
            return -1;
        }
        int i = (int) (index > 0 ? index - 1 : n + index);
        return isNullAt(b, o, i) ? -1 : i;
    }

    /** {@code arr[index]}: 0-based; out of range is {@code INVALID_ARRAY_INDEX} under ANSI, else null (-1). */
    public static int item(DirectBuffer b, int o, long index, boolean ansi) {
        int n = b.getInt(o);
        if (index < 0 || index >= n) {
            if (ansi) {
                throw new SparkArrayIndexOutOfBoundsException("INVALID_ARRAY_INDEX", Map.of(
                        "indexValue", String.valueOf(index), "arraySize", String.valueOf(n)));
            }
            return -1;
        }
        return isNullAt(b, o, (int) index) ? -1 : (int) index;
    }

    /** The elements at {@code indexes}, in that order, as a new array in {@code out}. */
    static int copyOf(ArrayReader a, List<Integer> indexes, DataType t, CollectionOut out) {
        ArrayWriter w = out.array(indexes.size());
        boolean inSlot = ArrayElements.inSlot(t);
        for (int j = 0; j < indexes.size(); j++) {
            ArrayElements.copy(a, indexes.get(j), w, j, inSlot);
        }
        return w.finish();
    }

    // ---- ordering ----

    /** {@code array_max} ({@code max}) or {@code array_min}: the index of the extreme non-null element, -1 if none. */
    public static int extreme(DirectBuffer b, int o, int n, DataType t, boolean max) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        int best = -1;
        for (int i = 0; i < a.count(); i++) {
            if (!a.isNullAt(i)) {
                if (best < 0) {
                    best = i;
                } else {
                    int c = ArrayElements.compare(a, i, a, best, t);
                    if (max ? c > 0 : c < 0) {
                        best = i;
                    }
                }
            }
        }
        return best;
    }

    /**
     * The elements sorted, nulls first or last: {@code sort_array(arr, asc)} puts nulls first when
     * ascending and last when descending; {@code array_sort(arr)} ascends with nulls last.
     */
    public static int sort(DirectBuffer b, int o, int n, DataType t, boolean ascending, boolean nullsFirst, CollectionOut out) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        List<Integer> order = new ArrayList<>(a.count());
        for (int i = 0; i < a.count(); i++) {
            order.add(i);
        }
        order.sort((x, y) -> {
            boolean xn = a.isNullAt(x);
            boolean yn = a.isNullAt(y);
            if (xn || yn) {
                return xn == yn ? 0 : (xn == nullsFirst ? -1 : 1);
            }
            int c = ArrayElements.compare(a, x, a, y, t);
            return ascending ? c : -c;
        });
        return copyOf(a, order, t, out);
    }

    /** {@code reverse} of an array. */
    public static int reverse(DirectBuffer b, int o, int n, DataType t, CollectionOut out) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        List<Integer> order = new ArrayList<>(a.count());
        for (int i = a.count() - 1; i >= 0; i--) {
            order.add(i);
        }
        return copyOf(a, order, t, out);
    }

    /**
     * {@code array_insert(arr, pos, item)}, the item given as the one element of {@code ib}: at
     * 1-based {@code pos}, or from the end for a negative one (-1 appends); a position past either
     * end pads with nulls, as Spark; Spark's INVALID_INDEX_OF_ZERO for 0.
     */
    public static int insert(DirectBuffer b, int o, int n, long pos, DirectBuffer ib, int io, int il, DataType t,
                             CollectionOut out) {
        if (pos == 0) {
            throw new SparkRuntimeException("INVALID_INDEX_OF_ZERO", Map.of());
        }
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        ArrayReader item = new ArrayReader().wrap(ib, io, il);
        int count = a.count();
        boolean extendsLeft = pos < 0 && -pos > count;
        long length = pos > 0 ? Math.max(count + 1L, pos) : Math.max(count + 1L, -pos);
        long at = pos > 0 ? pos - 1 : extendsLeft ? 0 : count + 1L + pos;
        ArrayWriter w = out.array((int) length);
        boolean inSlot = ArrayElements.inSlot(t);
        for (int j = 0; j < length; j++) {
            if (j == at) {
                ArrayElements.copy(item, 0, w, j, inSlot);
                continue;
            }
            long i = extendsLeft ? j - (length - count) : j < at ? j : j - 1;
            if (i >= 0 && i < count) {
                ArrayElements.copy(a, (int) i, w, j, inSlot);
            } else {
                w.setNull(j);
            }
        }
        return w.finish();
    }

    /** {@code array_compact}: the elements that are not null, in order. */
    public static int compact(DirectBuffer b, int o, int n, DataType t, CollectionOut out) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        List<Integer> keep = new ArrayList<>(a.count());
        for (int i = 0; i < a.count(); i++) {
            if (!a.isNullAt(i)) {
                keep.add(i);
            }
        }
        return copyOf(a, keep, t, out);
    }

    /**
     * {@code shuffle}: the elements in the order of Spark's {@code RandomIndicesGenerator}, the
     * "inside-out" Fisher-Yates shuffle over the next draws of the call site's generator.
     */
    public static int shuffle(DirectBuffer b, int o, int n, DataType t, MersenneTwister rng, CollectionOut out) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        int[] indices = new int[a.count()];
        for (int i = 0; i < indices.length; i++) {
            int j = rng.nextInt(i + 1);
            if (j != i) {
                indices[i] = indices[j];
            }
            indices[j] = i;
        }
        List<Integer> order = new ArrayList<>(indices.length);
        for (int i : indices) {
            order.add(i);
        }
        return copyOf(a, order, t, out);
    }

    // ---- shaping ----

    /** {@code slice(arr, start, length)}: start 1-based, negative from the end. */
    public static int slice(DirectBuffer b, int o, int n, long start, long length, DataType t, CollectionOut out) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        if (start == 0) {
            throw new SparkRuntimeException("INVALID_PARAMETER_VALUE.START", Map.of("parameter", "`start`",
                    "functionName", "`slice`"));
        }
        if (length < 0) {
            throw new SparkRuntimeException("INVALID_PARAMETER_VALUE.LENGTH", Map.of("parameter", "`length`",
                    "functionName", "`slice`", "length", String.valueOf(length)));
        }
        long from = start > 0 ? start - 1 : a.count() + start;
        List<Integer> keep = new ArrayList<>();
        if (from >= 0) {
            for (long i = from; i < a.count() && i < from + length; i++) {
                keep.add((int) i);
            }
        }
        return copyOf(a, keep, t, out);
    }

    /** {@code flatten}: the inner arrays one after another; null if one is null. */
    public static int flatten(DirectBuffer b, int o, int n, DataType inner, CollectionOut out) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        int total = 0;
        for (int i = 0; i < a.count(); i++) {
            if (a.isNullAt(i)) {
                return -1;
            }
            total += a.buffer().getInt(a.varOffset(i));
        }
        ArrayWriter w = out.array(total);
        boolean inSlot = ArrayElements.inSlot(inner);
        ArrayReader x = new ArrayReader();
        int j = 0;
        for (int i = 0; i < a.count(); i++) {
            x.wrap(a.buffer(), a.varOffset(i), a.varLength(i));
            for (int k = 0; k < x.count(); k++) {
                ArrayElements.copy(x, k, w, j++, inSlot);
            }
        }
        return w.finish();
    }

    /** {@code concat} of arrays, appended one by one into {@code parts} first: call {@link #concatBegin}, {@link #concatAdd}, then {@link #concatEnd}. */
    public static List<ArrayReader> concatBegin() {
        return new ArrayList<>();
    }

    public static void concatAdd(List<ArrayReader> parts, DirectBuffer b, int o, int n) {
        parts.add(new ArrayReader().wrap(b, o, n));
    }

    public static int concatEnd(List<ArrayReader> parts, DataType t, CollectionOut out) {
        int total = 0;
        for (ArrayReader p : parts) {
            total += p.count();
        }
        ArrayWriter w = out.array(total);
        boolean inSlot = ArrayElements.inSlot(t);
        int j = 0;
        for (ArrayReader p : parts) {
            for (int k = 0; k < p.count(); k++) {
                ArrayElements.copy(p, k, w, j++, inSlot);
            }
        }
        return w.finish();
    }

    /** {@code sequence(start, stop, step)} of integral values (an INT result when {@code int32}). */
    public static int sequence(long start, long stop, long step, boolean int32, CollectionOut out) {
        if (step == 0 && start != stop || step > 0 && start > stop || step < 0 && start < stop) {
            // Spark's require(...): a plain IllegalArgumentException
            throw new IllegalArgumentException("requirement failed: Illegal sequence boundaries: " + start + " to " + stop
                    + " by " + step);
        }
        long count = start == stop ? 1 : (stop - start) / step + 1;
        if (count > Integer.MAX_VALUE - 15) {
            throw new SparkRuntimeException("COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER", Map.of("numberOfElements",
                    String.valueOf(count), "maxRoundedArrayLength", String.valueOf(Integer.MAX_VALUE - 15),
                    "functionName", "`sequence`", "parameter", "`count`"));
        }
        ArrayWriter w = out.array((int) count);
        long v = start;
        for (int i = 0; i < count; i++, v += step) {
            w.putLong(i, int32 ? (int) v : v);
        }
        return w.finish();
    }

    /** {@code array_join(arr, delimiter[, nullReplacement])} of a string array: nulls skipped without a replacement. */
    public static int join(DirectBuffer b, int o, int n, DirectBuffer db, int dof, int dl, DirectBuffer rb, int ro, int rl,
                           boolean replace, BytesOut out) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        out.reset();
        boolean first = true;
        for (int i = 0; i < a.count(); i++) {
            boolean isNull = a.isNullAt(i);
            if (isNull && !replace) {
                continue;
            }
            if (!first) {
                out.append(db, dof, dl);
            }
            first = false;
            if (isNull) {
                out.append(rb, ro, rl);
            } else {
                out.append(a.buffer(), a.varOffset(i), a.varLength(i));
            }
        }
        return out.length();
    }

    /**
     * {@code concat_ws}'s array argument: its non-null elements appended to {@code out}, each after
     * the separator unless it is the first of the result; whether the result is still empty.
     */
    public static boolean joinInto(DirectBuffer b, int o, int n, DirectBuffer sb, int so, int sl, boolean first, BytesOut out) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        for (int i = 0; i < a.count(); i++) {
            if (a.isNullAt(i)) {
                continue;
            }
            if (!first) {
                out.append(sb, so, sl);
            }
            first = false;
            out.append(a.buffer(), a.varOffset(i), a.varLength(i));
        }
        return first;
    }

    /**
     * {@code arrays_zip(a1, a2, ...)}: element {@code i} is a struct of the arrays' elements
     * {@code i}, null where an array is shorter; {@code types} are the element types, and
     * {@code parts} the arrays ({@link #concatBegin}, {@link #concatAdd}).
     */
    public static int zip(List<ArrayReader> parts, DataType[] types, CollectionOut out) {
        int count = 0;
        for (ArrayReader p : parts) {
            count = Math.max(count, p.count());
        }
        ArrayWriter w = out.array(count);
        org.agrona.ExpandableArrayBuffer scratch = new org.agrona.ExpandableArrayBuffer(64);
        io.tideway.offheap.row.RowWriter entry = new io.tideway.offheap.row.RowWriter(parts.size());
        for (int i = 0; i < count; i++) {
            entry.wrap(scratch, 0, scratch::checkLimit);
            for (int f = 0; f < parts.size(); f++) {
                ArrayReader p = parts.get(f);
                if (i >= p.count() || p.isNullAt(i)) {
                    entry.setNull(f);
                } else if (ArrayElements.inSlot(types[f])) {
                    entry.putLong(f, p.getLong(i));
                } else {
                    entry.putBytes(f, p.buffer(), p.varOffset(i), p.varLength(i));
                }
            }
            w.putBytes(i, scratch, 0, entry.finish());
        }
        return w.finish();
    }
}
