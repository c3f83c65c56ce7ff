package io.tideway.engine.expr.fn;

import io.tideway.SparkRuntimeException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.expr.CastKernels;
import io.tideway.engine.expr.DecimalKernels;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.engine.row.CollectionCodec;
import io.tideway.engine.row.RowConverter;
import io.tideway.types.variant.VariantKind;
import io.tideway.types.variant.Variant;
import io.tideway.types.variant.VariantLayout;
import io.tideway.types.variant.VariantWriter;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variant value cast to an atomic type, as Spark's {@code VariantGet.cast}: a variant null is
 * SQL NULL; a scalar is taken as a value of its own type (integers as bigint, decimals at their
 * stripped precision and scale) and cast as {@code try_cast} would, a null result being a failed
 * cast; an object or array casts only to a string (its JSON). A failed cast is
 * {@code INVALID_VARIANT_CAST}, or null when {@code failOnError} is false. Results are in the
 * form generated code holds them: {@code Long} (booleans 1/0, dates in days, timestamps in
 * micros), {@code Double}, {@code BigDecimal} at the target scale, {@code byte[]} (strings in
 * UTF-8, binaries, variants in {@link VariantLayout}). Stateless.
 */
final class VariantCasts {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private VariantCasts() {
    }

    /** Whether Spark casts a variant to {@code t} (and {@code t} to a variant) at all. */
    static boolean castable(DataType t) {
        return t.isNumeric() || t == DataTypes.BooleanType || t == DataTypes.StringType || t == DataTypes.BinaryType
                || t == DataTypes.DateType || t == DataTypes.TimestampType || t == DataTypes.TimestampNTZType
                || t == DataTypes.VariantType;
    }

    /** Spark's {@code VariantGet.checkDataType}: atomic types, arrays of them, maps with string keys, structs. */
    static boolean castableNested(DataType t) {
        if (t instanceof ArrayType a) {
            return castableNested(a.elementType());
        }
        if (t instanceof MapType m) {
            return m.keyType() == DataTypes.StringType && castableNested(m.valueType());
        }
        if (t instanceof StructType s) {
            for (StructField f : s.fields()) {
                if (!castableNested(f.dataType())) {
                    return false;
                }
            }
            return true;
        }
        return castable(t);
    }

    static Object cast(Variant v, DataType to, boolean failOnError, SessionZone zone) {
        if (to instanceof ArrayType || to instanceof MapType || to instanceof StructType) {
            Object java = nested(v, to, failOnError, zone);
            if (java == null) {
                return null;
            }
            if (to instanceof ArrayType a) {
                return CollectionCodec.encodeArray(java, a.elementType());
            }
            if (to instanceof MapType m) {
                return CollectionCodec.encodeMap((Map<?, ?>) java, m);
            }
            StructType st = (StructType) to;
            org.agrona.ExpandableDirectByteBuffer scratch = new org.agrona.ExpandableDirectByteBuffer(64);
            io.tideway.offheap.row.RowWriter w = new io.tideway.offheap.row.RowWriter(st.length()).wrap(scratch, 0);
            new RowConverter(st).write((Row) java, w);
            byte[] bytes = new byte[w.finish()];
            scratch.getBytes(0, bytes);
            return bytes;
        }
        if (to == DataTypes.VariantType) {
            VariantWriter w = new VariantWriter(false); // rebuilt: only the keys this value uses
            w.appendVariant(v);
            return VariantLayout.encode(w.value(), w.metadata());
        }
        Object r = switch (v.kind()) {
            case NULL -> null;
            case OBJECT, ARRAY -> to == DataTypes.StringType ? utf8(v.toJson(zone.id())) : fail(v, to, failOnError, zone);
            case UUID -> to == DataTypes.StringType ? utf8(v.getUuid().toString()) : fail(v, to, failOnError, zone);
            default -> scalar(v, to, zone);
        };
        if (r == null && v.kind() != io.tideway.types.variant.VariantKind.NULL) {
            return fail(v, to, failOnError, zone);
        }
        return r;
    }

    /** A cast to an array, map or struct as Java values (elements cast one by one), or null. */
    private static Object nested(Variant v, DataType to, boolean failOnError, SessionZone zone) {
        VariantKind kind = v.kind();
        if (kind == VariantKind.NULL) {
            return null;
        }
        if (to instanceof ArrayType a) {
            if (kind != VariantKind.ARRAY) {
                return fail(v, to, failOnError, zone);
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                out.add(java(v.element(i), a.elementType(), failOnError, zone));
            }
            return out;
        }
        if (kind != VariantKind.OBJECT) {
            return fail(v, to, failOnError, zone);
        }
        if (to instanceof MapType m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < v.size(); i++) {
                out.put(v.fieldKey(i), java(v.fieldValue(i), m.valueType(), failOnError, zone));
            }
            return out;
        }
        StructType st = (StructType) to;
        Object[] values = new Object[st.length()];
        for (int i = 0; i < v.size(); i++) {
            String key = v.fieldKey(i);
            for (int f = 0; f < st.length(); f++) {
                if (st.apply(f).name().equals(key)) {
                    values[f] = java(v.fieldValue(i), st.apply(f).dataType(), failOnError, zone);
                    break;
                }
            }
        }
        return RowFactory.create(values);
    }

    /** One element cast, as the Java value {@link CollectionCodec} and {@link RowConverter} write. */
    private static Object java(Variant v, DataType t, boolean failOnError, SessionZone zone) {
        if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) {
            return nested(v, t, failOnError, zone);
        }
        Object r = cast(v, t, failOnError, zone);
        if (r == null) {
            return null;
        }
        if (t == DataTypes.IntegerType) {
            return ((Long) r).intValue();
        } else if (t == DataTypes.ShortType) {
            return ((Long) r).shortValue();
        } else if (t == DataTypes.ByteType) {
            return ((Long) r).byteValue();
        } else if (t == DataTypes.BooleanType) {
            return (Long) r != 0;
        } else if (t == DataTypes.FloatType) {
            return ((Double) r).floatValue();
        } else if (t == DataTypes.DateType) {
            return java.sql.Date.valueOf(java.time.LocalDate.ofEpochDay((Long) r));
        } else if (t == DataTypes.TimestampType) {
            return RowConverter.toTimestamp((Long) r);
        } else if (t == DataTypes.TimestampNTZType) {
            return io.tideway.engine.row.TemporalValues.toJava(t, (Long) r);
        } else if (t == DataTypes.StringType) {
            return new String((byte[]) r, StandardCharsets.UTF_8);
        } else if (t == DataTypes.VariantType) {
            UnsafeBuffer b = new UnsafeBuffer((byte[]) r);
            return new io.tideway.unsafe.types.VariantVal(VariantLayout.value(b, 0, b.capacity()),
                    VariantLayout.metadata(b, 0, b.capacity()));
        }
        return r;
    }

    private static Object fail(Variant v, DataType to, boolean failOnError, SessionZone zone) {
        if (failOnError) {
            throw new SparkRuntimeException("INVALID_VARIANT_CAST", Map.of("value", v.toJson(zone.id()),
                    "dataType", ErrorParams.type(to)));
        }
        return null;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A scalar cast as try_cast casts a value of its own type; null when that cast gives null or is refused. */
    private static Object scalar(Variant v, DataType to, SessionZone zone) {
        switch (v.kind()) {
            case BOOLEAN:
                return fromBoolean(v.getBoolean(), to);
            case LONG:
                return fromLong(v.getLong(), to);
            case DOUBLE:
                return fromDouble(v.getDouble(), to, false);
            case FLOAT:
                return fromDouble(v.getFloat(), to, true);
            case DECIMAL: {
                BigDecimal d = v.getDecimal();
                return fromDecimal(d.scale() < 0 ? d.setScale(0) : d, to);
            }
            case STRING:
                return fromString(v.getString(), to, zone);
            case DATE:
                return fromDate(v.getLong(), to, zone);
            case TIMESTAMP:
                return fromTimestamp(v.getLong(), to, zone);
            case TIMESTAMP_NTZ:
                return to == DataTypes.StringType ? utf8(DateTimeKernels.timestampText(v.getLong(), SessionZone.of(java.time.ZoneOffset.UTC)))
                        : to == DataTypes.TimestampNTZType ? (Object) v.getLong() : null;
            case BINARY:
                return to == DataTypes.BinaryType ? v.getBinary() : to == DataTypes.StringType ? v.getBinary() : null;
            default:
                return null;
        }
    }

    private static Object fromBoolean(boolean b, DataType to) {
        if (to == DataTypes.StringType) {
            return utf8(Boolean.toString(b));
        }
        if (to == DataTypes.BooleanType || integral(to)) {
            return b ? 1L : 0L;
        }
        if (to == DataTypes.DoubleType || to == DataTypes.FloatType) {
            return b ? 1.0 : 0.0;
        }
        if (to instanceof DecimalType d) {
            return DecimalKernels.fromLong(b ? 1 : 0, d.precision(), d.scale(), false);
        }
        return null;
    }

    private static Object fromLong(long l, DataType to) {
        if (integral(to)) {
            return fits(l, to) ? (Object) l : null;
        }
        if (to == DataTypes.BooleanType) {
            return l != 0 ? 1L : 0L;
        }
        if (to == DataTypes.DoubleType) {
            return (double) l;
        }
        if (to == DataTypes.FloatType) {
            return (double) (float) l;
        }
        if (to instanceof DecimalType d) {
            return DecimalKernels.fromLong(l, d.precision(), d.scale(), false);
        }
        if (to == DataTypes.StringType) {
            return utf8(Long.toString(l));
        }
        if (to == DataTypes.TimestampType) {
            // Spark checks this one for overflow, where a plain cast would wrap
            long hi = Math.multiplyHigh(l, MICROS_PER_SECOND);
            long lo = l * MICROS_PER_SECOND;
            return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? (Object) lo : null;
        }
        return null;
    }

    private static Object fromDouble(double d, DataType to, boolean isFloat) {
        if (integral(to)) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            double t = d < 0 ? Math.ceil(d) : Math.floor(d);
            if (t < -9.223372036854775808E18 || t >= 9.223372036854775808E18) {
                return null;
            }
            long l = (long) t;
            return fits(l, to) ? (Object) l : null;
        }
        if (to == DataTypes.BooleanType) {
            return d != 0 ? 1L : 0L;
        }
        if (to == DataTypes.DoubleType) {
            return d;
        }
        if (to == DataTypes.FloatType) {
            return (double) (float) d;
        }
        if (to instanceof DecimalType t) {
            return isFloat ? DecimalKernels.fromDouble(Double.parseDouble(Float.toString((float) d)), t.precision(), t.scale(), false)
                    : DecimalKernels.fromDouble(d, t.precision(), t.scale(), false);
        }
        if (to == DataTypes.StringType) {
            return utf8(isFloat ? Float.toString((float) d) : Double.toString(d));
        }
        if (to == DataTypes.TimestampType) {
            return Double.isNaN(d) || Double.isInfinite(d) ? null : (Object) CastKernels.doubleToTimestamp(d);
        }
        return null;
    }

    private static Object fromDecimal(BigDecimal d, DataType to) {
        if (integral(to)) {
            BigDecimal t = d.setScale(0, RoundingMode.DOWN);
            if (t.toBigInteger().bitLength() >= 64) {
                return null;
            }
            long l = t.longValue();
            return fits(l, to) ? (Object) l : null;
        }
        if (to == DataTypes.BooleanType) {
            return d.signum() != 0 ? 1L : 0L;
        }
        if (to == DataTypes.DoubleType) {
            return d.doubleValue();
        }
        if (to == DataTypes.FloatType) {
            return (double) d.floatValue();
        }
        if (to instanceof DecimalType t) {
            return DecimalKernels.fromDecimal(d, t.precision(), t.scale(), false);
        }
        if (to == DataTypes.StringType) {
            return utf8(d.toPlainString());
        }
        if (to == DataTypes.TimestampType) {
            try {
                return d.multiply(BigDecimal.valueOf(MICROS_PER_SECOND)).toBigInteger().longValueExact();
            } catch (ArithmeticException overflow) {
                return null;
            }
        }
        return null;
    }

    private static Object fromString(String s, DataType to, SessionZone zone) {
        byte[] bytes = utf8(s);
        if (to == DataTypes.StringType || to == DataTypes.BinaryType) {
            return bytes;
        }
        UnsafeBuffer b = new UnsafeBuffer(bytes);
        CastKernels.Parsed p = new CastKernels.Parsed();
        if (to == DataTypes.LongType || to == DataTypes.IntegerType) {
            CastKernels.stringToIntegral(b, 0, bytes.length, to == DataTypes.IntegerType, false, p);
        } else if (to == DataTypes.ByteType || to == DataTypes.ShortType) {
            CastKernels.stringToSmall(b, 0, bytes.length, to == DataTypes.ByteType ? 8 : 16, false, p);
        } else if (to == DataTypes.DoubleType || to == DataTypes.FloatType) {
            CastKernels.stringToDouble(b, 0, bytes.length, false, p);
            return p.isNull ? null : (Object) (to == DataTypes.FloatType ? p.f() : p.d);
        } else if (to == DataTypes.BooleanType) {
            CastKernels.stringToBoolean(b, 0, bytes.length, false, p);
        } else if (to == DataTypes.DateType) {
            CastKernels.stringToDate(b, 0, bytes.length, false, p);
        } else if (to == DataTypes.TimestampType) {
            CastKernels.stringToTimestamp(b, 0, bytes.length, zone, false, p);
        } else if (to instanceof DecimalType d) {
            return DecimalKernels.fromString(b, 0, bytes.length, d.precision(), d.scale(), false);
        } else {
            return null;
        }
        return p.isNull ? null : (Object) p.l;
    }

    private static Object fromDate(long days, DataType to, SessionZone zone) {
        if (to == DataTypes.DateType) {
            return days;
        }
        if (to == DataTypes.StringType) {
            return utf8(java.time.LocalDate.ofEpochDay(days).toString());
        }
        if (to == DataTypes.TimestampType) {
            return CastKernels.dateToTimestamp(days, zone);
        }
        if (to == DataTypes.TimestampNTZType) {
            return days * 86_400_000_000L;
        }
        return null;
    }

    private static Object fromTimestamp(long micros, DataType to, SessionZone zone) {
        if (to == DataTypes.TimestampType) {
            return micros;
        }
        if (to == DataTypes.StringType) {
            return utf8(DateTimeKernels.timestampText(micros, zone));
        }
        if (to == DataTypes.DateType) {
            return CastKernels.timestampToDate(micros, zone);
        }
        if (to == DataTypes.TimestampNTZType) {
            return zone.toLocal(micros);
        }
        if (integral(to)) {
            long s = CastKernels.timestampToSeconds(micros);
            return fits(s, to) ? (Object) s : null;
        }
        if (to == DataTypes.DoubleType || to == DataTypes.FloatType) {
            return micros / 1e6;
        }
        return null;
    }

    private static boolean integral(DataType t) {
        return t == DataTypes.LongType || t == DataTypes.IntegerType || t == DataTypes.ShortType || t == DataTypes.ByteType;
    }

    private static boolean fits(long l, DataType t) {
        return t == DataTypes.LongType || t == DataTypes.IntegerType && l == (int) l
                || t == DataTypes.ShortType && l == (short) l || t == DataTypes.ByteType && l == (byte) l;
    }
}
