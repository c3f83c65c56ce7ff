package io.tideway.engine.row;

import io.tideway.engine.expr.CollectionOut;
import io.tideway.engine.expr.DecimalKernels;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.MapDescriptor;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arrays and maps between their binary form and Java values, at the edge with user code: an
 * array is a {@link List}, a map a {@link LinkedHashMap} in entry order (Spark's Java {@code Row}
 * gives Scala collections; Tideway gives the Java ones, see {@code Row#getJavaMap}). Elements of
 * any type, nested included. Allocates by nature; stateless.
 */
public final class CollectionCodec {
    private CollectionCodec() {
    }

    /** The encoded array at {@code off} as a list of Java values. */
    public static List<Object> readArray(DirectBuffer buf, int off, int len, DataType element) {
        ArrayReader a = new ArrayReader().wrap(buf, off, len);
        List<Object> out = new ArrayList<>(a.count());
        for (int j = 0; j < a.count(); j++) {
            out.add(a.isNullAt(j) ? null : readElement(a, j, element));
        }
        return out;
    }

    /** The encoded map at {@code off} as a Java map in entry order. */
    public static Map<Object, Object> readMap(DirectBuffer buf, int off, int len, MapType type) {
        ArrayReader keys = new ArrayReader();
        ArrayReader values = new ArrayReader();
        MapDescriptor.wrap(buf, off, len, keys, values);
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int j = 0; j < keys.count(); j++) {
            out.put(readElement(keys, j, type.keyType()), values.isNullAt(j) ? null : readElement(values, j, type.valueType()));
        }
        return out;
    }

    private static Object readElement(ArrayReader a, int j, DataType t) {
        if (t == DataTypes.StringType) {
            return a.getString(j);
        } else if (t == DataTypes.IntegerType) {
            return a.getInt(j);
        } else if (t == DataTypes.LongType) {
            return a.getLong(j);
        } else if (t == DataTypes.DoubleType) {
            return a.getDouble(j);
        } else if (t == DataTypes.FloatType) {
            return (float) a.getDouble(j);
        } else if (t == DataTypes.ByteType) {
            return (byte) a.getLong(j);
        } else if (t == DataTypes.ShortType) {
            return (short) a.getLong(j);
        } else if (t == DataTypes.BooleanType) {
            return a.getBoolean(j);
        } else if (t == DataTypes.TimestampType) {
            return RowConverter.toTimestamp(a.getLong(j));
        } else if (t == DataTypes.DateType) {
            return Date.valueOf(LocalDate.ofEpochDay(a.getInt(j)));
        } else if (TemporalValues.isLongBacked(t)) {
            return TemporalValues.toJava(t, a.getLong(j));
        } else if (TemporalValues.isCalendar(t)) {
            return TemporalValues.decode(a.buffer(), a.varOffset(j));
        } else if (t == DataTypes.VariantType) {
            return new io.tideway.unsafe.types.VariantVal(
                    io.tideway.types.variant.VariantLayout.value(a.buffer(), a.varOffset(j), a.varLength(j)),
                    io.tideway.types.variant.VariantLayout.metadata(a.buffer(), a.varOffset(j), a.varLength(j)));
        } else if (t instanceof DecimalType d) {
            if (d.isFixedWidth()) {
                return BigDecimal.valueOf(a.getLong(j), d.scale());
            }
            byte[] b = new byte[a.varLength(j)];
            a.buffer().getBytes(a.varOffset(j), b);
            return new BigDecimal(new BigInteger(b), d.scale());
        } else if (t == DataTypes.BinaryType) {
            byte[] b = new byte[a.varLength(j)];
            a.buffer().getBytes(a.varOffset(j), b);
            return b;
        } else if (t instanceof ArrayType at) {
            return readArray(a.buffer(), a.varOffset(j), a.varLength(j), at.elementType());
        } else if (t instanceof MapType mt) {
            return readMap(a.buffer(), a.varOffset(j), a.varLength(j), mt);
        } else if (t instanceof StructType st) {
            return new RowConverter(st).toRow(new RowReader(st.length()).wrap(a.buffer(), a.varOffset(j), a.varLength(j)));
        }
        return null;
    }

    /** A Java list (or array) as an encoded array. */
    public static byte[] encodeArray(Object list, DataType element) {
        List<?> values = asList(list);
        CollectionOut out = new CollectionOut();
        ArrayWriter a = out.array(values.size());
        for (int j = 0; j < values.size(); j++) {
            writeElement(a, j, values.get(j), element);
        }
        return bytes(out, a.finish());
    }

    /** A Java map as an encoded map. */
    public static byte[] encodeMap(Map<?, ?> map, MapType type) {
        List<Object> keys = new ArrayList<>(map.keySet());
        List<Object> values = new ArrayList<>(map.values());
        CollectionOut out = new CollectionOut();
        ArrayWriter k = out.keys(keys.size());
        for (int j = 0; j < keys.size(); j++) {
            writeElement(k, j, keys.get(j), type.keyType());
        }
        ArrayWriter v = out.values(values.size());
        for (int j = 0; j < values.size(); j++) {
            writeElement(v, j, values.get(j), type.valueType());
        }
        return bytes(out, out.finishMap());
    }

    private static byte[] bytes(CollectionOut out, int length) {
        byte[] b = new byte[length];
        out.buffer().getBytes(0, b);
        return b;
    }

    private static List<?> asList(Object v) {
        if (v instanceof List<?> l) {
            return l;
        }
        if (v instanceof Object[] arr) {
            return java.util.Arrays.asList(arr);
        }
        if (v != null && v.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                out.add(java.lang.reflect.Array.get(v, i));
            }
            return out;
        }
        if (v instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            it.forEach(out::add);
            return out;
        }
        throw new IllegalArgumentException("not an array value: " + v);
    }

    private static void writeElement(ArrayWriter a, int j, Object v, DataType t) {
        if (v == null) {
            a.setNull(j);
        } else if (t == DataTypes.StringType) {
            byte[] b = v.toString().getBytes(StandardCharsets.UTF_8);
            a.putBytes(j, new UnsafeBuffer(b), 0, b.length);
        } else if (t == DataTypes.DoubleType || t == DataTypes.FloatType) {
            a.putDouble(j, ((Number) v).doubleValue());
        } else if (t == DataTypes.BooleanType) {
            a.putBoolean(j, (Boolean) v);
        } else if (t == DataTypes.TimestampType) {
            a.putLong(j, v instanceof Timestamp ts ? RowConverter.toMicros(ts) : ((Number) v).longValue());
        } else if (t == DataTypes.DateType) {
            a.putLong(j, v instanceof Date d ? d.toLocalDate().toEpochDay() : ((Number) v).longValue());
        } else if (TemporalValues.isLongBacked(t)) {
            a.putLong(j, TemporalValues.toLong(v));
        } else if (TemporalValues.isCalendar(t)) {
            putBytes(a, j, TemporalValues.encode((io.tideway.unsafe.types.CalendarInterval) v));
        } else if (t == DataTypes.VariantType) {
            io.tideway.unsafe.types.VariantVal vv = (io.tideway.unsafe.types.VariantVal) v;
            putBytes(a, j, io.tideway.types.variant.VariantLayout.encode(vv.getValue(), vv.getMetadata()));
        } else if (t instanceof DecimalType d) {
            BigDecimal dec = DecimalKernels.ofJava(v, d);
            if (d.isFixedWidth()) {
                a.putLong(j, dec.unscaledValue().longValue());
            } else {
                putBytes(a, j, dec.unscaledValue().toByteArray());
            }
        } else if (t == DataTypes.BinaryType) {
            putBytes(a, j, (byte[]) v);
        } else if (t instanceof ArrayType at) {
            putBytes(a, j, encodeArray(v, at.elementType()));
        } else if (t instanceof MapType mt) {
            putBytes(a, j, encodeMap((Map<?, ?>) v, mt));
        } else if (t instanceof StructType st) {
            ExpandableDirectByteBuffer scratch = new ExpandableDirectByteBuffer(64);
            RowWriter nested = new RowWriter(st.length()).wrap(scratch, 0);
            new RowConverter(st).write((Row) v, nested);
            a.putBytes(j, scratch, 0, nested.finish());
        } else {
            a.putLong(j, ((Number) v).longValue());
        }
    }

    private static void putBytes(ArrayWriter a, int j, byte[] b) {
        a.putBytes(j, new UnsafeBuffer(b), 0, b.length);
    }
}
