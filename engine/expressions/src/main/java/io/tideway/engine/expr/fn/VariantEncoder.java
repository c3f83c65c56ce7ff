package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.row.CollectionCodec;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.types.variant.Variant;
import io.tideway.types.variant.VariantLayout;
import io.tideway.types.variant.VariantWriter;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A value cast to a variant, as Spark's {@code VariantExpressionEvalUtils.castToVariant}:
 * integers in their narrowest width, decimals with their scale, floats, doubles, strings,
 * binaries, dates and timestamps as the encoding's own kinds, arrays element by element.
 * Stateless.
 */
public final class VariantEncoder {
    private VariantEncoder() {
    }

    /**
     * The variant of one value of type {@code t}, given in the form generated code holds it
     * ({@code l} for integers, booleans, dates and timestamps; {@code d} for doubles and floats;
     * {@code m} for decimals; bytes for strings, binaries and arrays); returns its length in {@code out}.
     */
    public static int encode(DataType t, long l, double d, BigDecimal m, DirectBuffer b, int off, int len, BytesOut out) {
        VariantWriter w = new VariantWriter(false);
        append(w, t, l, d, m, b, off, len);
        return out.reset().append(VariantLayout.encode(w.value(), w.metadata())).length();
    }

    /**
     * {@code to_variant_object}: the variant of a struct, map or array value (nested ones included),
     * a struct or map becoming an object; returns its length in {@code out}.
     */
    public static int encodeObject(DataType t, DirectBuffer b, int off, int len, BytesOut out) {
        Object value = t instanceof io.tideway.sql.types.StructType st
                ? new io.tideway.engine.row.RowConverter(st).toRow(b, off, len)
                : t instanceof io.tideway.sql.types.MapType mt ? CollectionCodec.readMap(b, off, len, mt)
                : CollectionCodec.readArray(b, off, len, ((ArrayType) t).elementType());
        VariantWriter w = new VariantWriter(false);
        appendJava(w, t, value);
        return out.reset().append(VariantLayout.encode(w.value(), w.metadata())).length();
    }

    private static void append(VariantWriter w, DataType t, long l, double d, BigDecimal m, DirectBuffer b, int off, int len) {
        if (t == DataTypes.BooleanType) {
            w.appendBoolean(l != 0);
        } else if (t == DataTypes.LongType || t == DataTypes.IntegerType || t == DataTypes.ShortType || t == DataTypes.ByteType) {
            w.appendLong(l);
        } else if (t == DataTypes.DoubleType) {
            w.appendDouble(d);
        } else if (t == DataTypes.FloatType) {
            w.appendFloat((float) d);
        } else if (t instanceof DecimalType) {
            w.appendDecimal(m);
        } else if (t == DataTypes.DateType) {
            w.appendDate((int) l);
        } else if (t == DataTypes.TimestampType) {
            w.appendTimestamp(l);
        } else if (t == DataTypes.TimestampNTZType) {
            w.appendTimestampNtz(l);
        } else if (t == DataTypes.StringType) {
            w.appendString(b.getStringWithoutLengthUtf8(off, len));
        } else if (t == DataTypes.BinaryType) {
            byte[] bytes = new byte[len];
            b.getBytes(off, bytes);
            w.appendBinary(bytes);
        } else if (t == DataTypes.VariantType) {
            w.appendVariant(VariantLayout.read(b, off, len));
        } else if (t instanceof ArrayType at) {
            Object values = CollectionCodec.readArray(b, off, len, at.elementType());
            int start = w.position();
            List<Integer> offsets = new ArrayList<>();
            for (Object e : (Iterable<?>) values) {
                offsets.add(w.position() - start);
                appendJava(w, at.elementType(), e);
            }
            w.finishArray(start, offsets);
        } else {
            w.appendNull();
        }
    }

    /** An array element, as {@link CollectionCodec} reads it into Java values. */
    private static void appendJava(VariantWriter w, DataType t, Object v) {
        if (v == null) {
            w.appendNull();
        } else if (v instanceof Boolean bool) {
            w.appendBoolean(bool);
        } else if (v instanceof Double x) {
            w.appendDouble(x);
        } else if (v instanceof Float f) {
            w.appendFloat(f);
        } else if (v instanceof BigDecimal m) {
            w.appendDecimal(m);
        } else if (v instanceof Number n) {
            w.appendLong(n.longValue());
        } else if (v instanceof String s) {
            w.appendString(s);
        } else if (v instanceof byte[] bytes) {
            w.appendBinary(bytes);
        } else if (v instanceof java.sql.Date date) {
            w.appendDate((int) date.toLocalDate().toEpochDay());
        } else if (v instanceof java.sql.Timestamp ts) {
            w.appendTimestamp(io.tideway.engine.row.RowConverter.toMicros(ts));
        } else if (v instanceof io.tideway.unsafe.types.VariantVal vv) {
            w.appendVariant(new Variant(vv.getValue(), vv.getMetadata()));
        } else if (v instanceof io.tideway.sql.Row r && t instanceof io.tideway.sql.types.StructType st) {
            // to_variant_object: a struct is an object of its fields
            int start = w.position();
            List<VariantWriter.Field> fields = new ArrayList<>();
            for (int i = 0; i < st.length(); i++) {
                w.addField(fields, st.fields()[i].name(), start);
                appendJava(w, st.fields()[i].dataType(), r.get(i));
            }
            w.finishObject(start, fields);
        } else if (v instanceof java.util.Map<?, ?> map && t instanceof io.tideway.sql.types.MapType mt) {
            // to_variant_object: a map (of string keys) is an object of its entries
            int start = w.position();
            List<VariantWriter.Field> fields = new ArrayList<>();
            for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
                w.addField(fields, String.valueOf(e.getKey()), start);
                appendJava(w, mt.valueType(), e.getValue());
            }
            w.finishObject(start, fields);
        } else if (v instanceof Iterable<?> it && t instanceof ArrayType at) {
            int start = w.position();
            List<Integer> offsets = new ArrayList<>();
            for (Object e : it) {
                offsets.add(w.position() - start);
                appendJava(w, at.elementType(), e);
            }
            w.finishArray(start, offsets);
        } else {
            w.appendString(v.toString());
        }
    }
}
