package io.tideway.engine.expr.fn;

import io.tideway.SparkRuntimeException;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.MapDescriptor;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The map functions' code, called alike by generated chains and interpreted evaluators
 * ({@code MapFunctions}). A map is its encoded bytes ({@link MapDescriptor}); a result map is
 * written into the call site's {@link CollectionOut} and its length returned (-1: null). Keys
 * follow Spark 4's default {@code spark.sql.mapKeyDedupPolicy=EXCEPTION}: a null key is
 * {@code NULL_MAP_KEY}, a repeated one {@code DUPLICATED_MAP_KEY}. Stateless.
 */
public final class MapKernels {
    private MapKernels() {
    }

    public static int count(DirectBuffer b, int o) {
        return MapDescriptor.count(b, o);
    }

    /** Checks the keys of the map just written in {@code out} (length {@code n}) and returns {@code n}. */
    public static int checked(CollectionOut out, int n, DataType keyType) {
        ArrayReader keys = new ArrayReader();
        ArrayReader values = new ArrayReader();
        MapDescriptor.wrap(out.buffer(), 0, n, keys, values);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < keys.count(); i++) {
            if (keys.isNullAt(i)) {
                throw new SparkRuntimeException("NULL_MAP_KEY", Map.of());
            }
            if (!seen.add(ArrayElements.key(keys, i, keyType))) {
                throw duplicate(keys, i, keyType);
            }
        }
        return n;
    }

    private static RuntimeException duplicate(ArrayReader keys, int i, DataType keyType) {
        return new SparkRuntimeException("DUPLICATED_MAP_KEY", Map.of("key", CollectionText.elementText(keys, i, keyType),
                "mapKeyDedupPolicy", "\"spark.sql.mapKeyDedupPolicy\""));
    }

    /** The index of {@code key} (given in every form, only its type's read) among the keys, or -1. */
    public static int find(DirectBuffer b, int o, int n, DataType keyType, long l, double d, DirectBuffer vb, int vo, int vl,
                           BigDecimal dec) {
        int keys = MapDescriptor.keysOffset(o);
        long p = ArraySetKernels.position(b, keys, MapDescriptor.keysLength(b, o), keyType, l, d, vb, vo, vl, dec);
        return (int) p - 1;
    }

    /** {@code map[key]} / {@code element_at(map, key)}: the index of the key's value, -1 for a missing key or a null value. */
    public static int valueIndex(DirectBuffer b, int o, int n, DataType keyType, long l, double d, DirectBuffer vb, int vo,
                                 int vl, BigDecimal dec) {
        int i = find(b, o, n, keyType, l, d, vb, vo, vl, dec);
        if (i < 0) {
            return -1;
        }
        ArrayReader values = new ArrayReader().wrap(b, MapDescriptor.valuesOffset(b, o), MapDescriptor.valuesLength(b, o, n));
        return values.isNullAt(i) ? -1 : i;
    }

    /** Absolute offset of the values array, for reading a value found by {@link #valueIndex}. */
    public static int valuesOffset(DirectBuffer b, int o) {
        return MapDescriptor.valuesOffset(b, o);
    }

    /** {@code map_from_arrays(keys, values)}. */
    public static int fromArrays(DirectBuffer kb, int ko, int kn, DirectBuffer vb, int vo, int vn, DataType keyType,
                                 DataType valueType, CollectionOut out) {
        ArrayReader k = new ArrayReader().wrap(kb, ko, kn);
        ArrayReader v = new ArrayReader().wrap(vb, vo, vn);
        if (k.count() != v.count()) {
            throw new SparkRuntimeException("_LEGACY_ERROR_TEMP_2128", Map.of());
        }
        ArrayWriter kw = out.keys(k.count());
        boolean keyInSlot = ArrayElements.inSlot(keyType);
        for (int i = 0; i < k.count(); i++) {
            ArrayElements.copy(k, i, kw, i, keyInSlot);
        }
        ArrayWriter vw = out.values(v.count());
        boolean valueInSlot = ArrayElements.inSlot(valueType);
        for (int i = 0; i < v.count(); i++) {
            ArrayElements.copy(v, i, vw, i, valueInSlot);
        }
        return checked(out, out.finishMap(), keyType);
    }

    /** {@code map_from_entries(array<struct<k, v>>)}: null if an entry is null. */
    public static int fromEntries(DirectBuffer b, int o, int n, DataType keyType, DataType valueType, CollectionOut out) {
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        RowReader entry = new RowReader(2);
        for (int i = 0; i < a.count(); i++) {
            if (a.isNullAt(i)) {
                return -1;
            }
        }
        ArrayWriter kw = out.keys(a.count());
        for (int i = 0; i < a.count(); i++) {
            entry.wrap(a.buffer(), a.varOffset(i), a.varLength(i));
            putField(kw, i, entry, 0, keyType);
        }
        ArrayWriter vw = out.values(a.count());
        for (int i = 0; i < a.count(); i++) {
            entry.wrap(a.buffer(), a.varOffset(i), a.varLength(i));
            putField(vw, i, entry, 1, valueType);
        }
        return checked(out, out.finishMap(), keyType);
    }

    private static void putField(ArrayWriter w, int i, RowReader r, int field, DataType t) {
        if (r.isNullAt(field)) {
            w.setNull(i);
        } else if (ArrayElements.inSlot(t)) {
            w.putLong(i, r.getLong(field));
        } else {
            w.putBytes(i, r.buffer(), r.varOffset(field), r.varLength(field));
        }
    }

    /** {@code map_entries}: an array of {@code struct<key, value>}. */
    public static int entries(DirectBuffer b, int o, int n, DataType keyType, DataType valueType, CollectionOut out) {
        ArrayReader k = new ArrayReader();
        ArrayReader v = new ArrayReader();
        MapDescriptor.wrap(b, o, n, k, v);
        ArrayWriter w = out.array(k.count());
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[64]);
        RowWriter.Growth growth = end -> {
            if (end > scratch.capacity()) {
                byte[] bigger = new byte[Math.max(end, scratch.capacity() * 2)];
                scratch.getBytes(0, bigger, 0, scratch.capacity());
                scratch.wrap(bigger);
            }
        };
        RowWriter entry = new RowWriter(2);
        for (int i = 0; i < k.count(); i++) {
            entry.wrap(scratch, 0, growth);
            copyToField(k, i, entry, 0, keyType);
            copyToField(v, i, entry, 1, valueType);
            w.putBytes(i, scratch, 0, entry.finish());
        }
        return w.finish();
    }

    private static void copyToField(ArrayReader a, int i, RowWriter r, int field, DataType t) {
        if (a.isNullAt(i)) {
            r.setNull(field);
        } else if (ArrayElements.inSlot(t)) {
            r.putLong(field, a.getLong(i));
        } else {
            r.putBytes(field, a.buffer(), a.varOffset(i), a.varLength(i));
        }
    }

    /** {@code map_concat}: collect the maps with {@link #concatAdd}, then {@link #concatEnd}. */
    public static List<int[]> concatBegin() {
        return new ArrayList<>();
    }

    /** Adds a map (its buffer must stay valid until {@link #concatEnd}); {@code buffers} keeps the buffers in order. */
    public static void concatAdd(List<int[]> parts, List<DirectBuffer> buffers, DirectBuffer b, int o, int n) {
        parts.add(new int[] {o, n});
        buffers.add(b);
    }

    public static int concatEnd(List<int[]> parts, List<DirectBuffer> buffers, DataType keyType, DataType valueType,
                                CollectionOut out) {
        List<ArrayReader> keys = new ArrayList<>();
        List<ArrayReader> values = new ArrayList<>();
        int total = 0;
        for (int p = 0; p < parts.size(); p++) {
            ArrayReader k = new ArrayReader();
            ArrayReader v = new ArrayReader();
            MapDescriptor.wrap(buffers.get(p), parts.get(p)[0], parts.get(p)[1], k, v);
            keys.add(k);
            values.add(v);
            total += k.count();
        }
        ArrayWriter kw = out.keys(total);
        int j = 0;
        for (ArrayReader k : keys) {
            for (int i = 0; i < k.count(); i++) {
                ArrayElements.copy(k, i, kw, j++, ArrayElements.inSlot(keyType));
            }
        }
        ArrayWriter vw = out.values(total);
        j = 0;
        for (ArrayReader v : values) {
            for (int i = 0; i < v.count(); i++) {
                ArrayElements.copy(v, i, vw, j++, ArrayElements.inSlot(valueType));
            }
        }
        return checked(out, out.finishMap(), keyType);
    }

    /** {@code str_to_map(text, pairDelim, keyValueDelim)}: both delimiters are regular expressions. */
    public static int strToMap(DirectBuffer b, int o, int n, DirectBuffer pb, int po, int pl, DirectBuffer kb, int ko, int kl,
                               CollectionOut out) {
        String text = b.getStringWithoutLengthUtf8(o, n);
        String pairs = pb.getStringWithoutLengthUtf8(po, pl);
        String kv = kb.getStringWithoutLengthUtf8(ko, kl);
        String[] entries = Pattern.compile(pairs).split(text, -1);
        List<String> ks = new ArrayList<>();
        List<String> vs = new ArrayList<>();
        Pattern kvPattern = Pattern.compile(kv);
        for (String e : entries) {
            String[] parts = kvPattern.split(e, 2);
            ks.add(parts[0]);
            vs.add(parts.length > 1 ? parts[1] : null);
        }
        ArrayWriter kw = out.keys(ks.size());
        for (int i = 0; i < ks.size(); i++) {
            io.tideway.engine.expr.ArrayOut.putString(kw, i, ks.get(i));
        }
        ArrayWriter vw = out.values(vs.size());
        for (int i = 0; i < vs.size(); i++) {
            if (vs.get(i) == null) {
                vw.setNull(i);
            } else {
                io.tideway.engine.expr.ArrayOut.putString(vw, i, vs.get(i));
            }
        }
        return checked(out, out.finishMap(), io.tideway.sql.types.DataTypes.StringType);
    }
}
