package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.MapDescriptor;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Arrays, maps and structs cast to a string as Spark 4 does: {@code [1, null, 3]},
 * {@code {a -> 1, b -> null}}, {@code {1, x}}; elements as their own casts to string (timestamps in
 * the session time zone). Allocates (a text is built); stateless.
 */
public final class CollectionText {
    private CollectionText() {
    }

    /** The text of the value of {@code type} at {@code off}, into {@code out}; returns its length. */
    public static int toText(DirectBuffer b, int off, int len, DataType type, SessionZone zone, BytesOut out) {
        StringBuilder sb = new StringBuilder();
        append(sb, b, off, len, type, zone);
        return out.reset().append(sb.toString()).length();
    }

    /** The text of an encoded array, map or struct. */
    public static String text(DirectBuffer b, int off, int len, DataType type, SessionZone zone) {
        StringBuilder sb = new StringBuilder();
        append(sb, b, off, len, type, zone);
        return sb.toString();
    }

    private static void append(StringBuilder sb, DirectBuffer b, int off, int len, DataType type, SessionZone zone) {
        if (type instanceof ArrayType at) {
            ArrayReader a = new ArrayReader().wrap(b, off, len);
            sb.append('[');
            for (int i = 0; i < a.count(); i++) {
                sb.append(i == 0 ? "" : ", ");
                element(sb, a, i, at.elementType(), zone);
            }
            sb.append(']');
        } else if (type instanceof MapType mt) {
            ArrayReader k = new ArrayReader();
            ArrayReader v = new ArrayReader();
            MapDescriptor.wrap(b, off, len, k, v);
            sb.append('{');
            for (int i = 0; i < k.count(); i++) {
                sb.append(i == 0 ? "" : ", ");
                element(sb, k, i, mt.keyType(), zone);
                sb.append(" -> ");
                element(sb, v, i, mt.valueType(), zone);
            }
            sb.append('}');
        } else if (type instanceof StructType st) {
            RowReader r = new RowReader(st.length()).wrap(b, off, len);
            sb.append('{');
            for (int i = 0; i < st.length(); i++) {
                sb.append(i == 0 ? "" : ", ");
                DataType ft = st.apply(i).dataType();
                if (r.isNullAt(i)) {
                    sb.append("null");
                } else if (ft.isFixedWidth()) {
                    scalar(sb, r.getLong(i), r.getDouble(i), ft, zone);
                } else {
                    var(sb, b, r.varOffset(i), r.varLength(i), ft, zone);
                }
            }
            sb.append('}');
        }
    }

    /** The text of element {@code i} (a map key in an error message), timestamps in UTC. */
    public static String elementText(ArrayReader a, int i, DataType t) {
        return elementText(a, i, t, SessionZone.of(java.time.ZoneOffset.UTC));
    }

    /** The text of element {@code i}, as its cast to a string gives it. */
    public static String elementText(ArrayReader a, int i, DataType t, SessionZone zone) {
        StringBuilder sb = new StringBuilder();
        element(sb, a, i, t, zone);
        return sb.toString();
    }

    private static void element(StringBuilder sb, ArrayReader a, int i, DataType t, SessionZone zone) {
        if (a.isNullAt(i)) {
            sb.append("null");
        } else if (ArrayElements.inSlot(t)) {
            scalar(sb, a.getLong(i), a.getDouble(i), t, zone);
        } else {
            var(sb, a.buffer(), a.varOffset(i), a.varLength(i), t, zone);
        }
    }

    private static void var(StringBuilder sb, DirectBuffer b, int off, int len, DataType t, SessionZone zone) {
        if (t == DataTypes.StringType || t == DataTypes.BinaryType) {
            byte[] bytes = new byte[len];
            b.getBytes(off, bytes);
            sb.append(new String(bytes, StandardCharsets.UTF_8));
        } else if (t instanceof DecimalType d) {
            byte[] bytes = new byte[len];
            b.getBytes(off, bytes);
            sb.append(new BigDecimal(new BigInteger(bytes), d.scale()).toPlainString());
        } else {
            append(sb, b, off, len, t, zone);
        }
    }

    /** A value held in a slot: {@code raw} is the slot as a long, {@code d} as a double. */
    private static void scalar(StringBuilder sb, long raw, double d, DataType t, SessionZone zone) {
        if (t == DataTypes.DoubleType) {
            sb.append(d);
        } else if (t == DataTypes.FloatType) {
            sb.append((float) d);
        } else if (t == DataTypes.IntegerType) {
            sb.append((int) raw);
        } else if (t == DataTypes.DateType) {
            sb.append(LocalDate.ofEpochDay((int) raw));
        } else if (t == DataTypes.BooleanType) {
            sb.append(raw != 0);
        } else if (t == DataTypes.TimestampType) {
            sb.append(DateTimeKernels.timestampText(raw, zone));
        } else if (t instanceof DecimalType dt) {
            sb.append(BigDecimal.valueOf(raw, dt.scale()).toPlainString());
        } else if (t == DataTypes.NullType) {
            sb.append("null");
        } else {
            sb.append(raw);
        }
    }
}
