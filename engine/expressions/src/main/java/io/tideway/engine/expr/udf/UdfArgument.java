package io.tideway.engine.expr.udf;

import io.tideway.engine.row.CollectionCodec;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.row.TemporalValues;
import io.tideway.sql.Row;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One argument of a Java UDF: a value of generated code turned into the Java object Spark's
 * {@code CatalystTypeConverters} gives a Java UDF ({@code createToScalaConverter}): boxed numbers
 * and booleans, {@code String}, {@code byte[]}, {@code java.sql.Date}/{@code Timestamp},
 * ({@code LocalDate}/{@code Instant} with {@code spark.sql.datetime.java8API.enabled}),
 * {@code BigDecimal}, a {@link Row} for a struct, a Scala {@code immutable.ArraySeq} for an array
 * and a Scala {@code immutable.Map} for a map. A constant of one generated class; task thread only
 * (it keeps the struct reader).
 */
public final class UdfArgument {
    private final DataType type;
    /** {@code spark.sql.datetime.java8API.enabled}: dates and timestamps as {@code LocalDate} and {@code Instant}. */
    private final boolean java8;
    /** The struct's reader, made on first use. */
    private RowConverter struct;

    public UdfArgument(DataType type, boolean java8) {
        this.type = type;
        this.java8 = java8;
    }

    /** A value of kind LONG (integers, booleans, dates, timestamps, intervals). */
    public Object ofLong(long v) {
        if (type == DataTypes.IntegerType) {
            return (int) v;
        } else if (type == DataTypes.LongType) {
            return v;
        } else if (type == DataTypes.BooleanType) {
            return v != 0;
        } else if (type == DataTypes.ShortType) {
            return (short) v;
        } else if (type == DataTypes.ByteType) {
            return (byte) v;
        } else if (type == DataTypes.DateType) {
            return java8 ? LocalDate.ofEpochDay(v) : Date.valueOf(LocalDate.ofEpochDay(v));
        } else if (type == DataTypes.TimestampType) {
            return java8 ? java.time.Instant.EPOCH.plus(v, java.time.temporal.ChronoUnit.MICROS) : RowConverter.toTimestamp(v);
        } else if (type == DataTypes.NullType) {
            return null;
        }
        return TemporalValues.toJava(type, v);
    }

    /** A value of kind DOUBLE. */
    public Object ofDouble(double v) {
        return type == DataTypes.FloatType ? (Object) (float) v : (Object) v;
    }

    /** A value of kind DECIMAL. */
    public Object ofDecimal(BigDecimal v) {
        return v;
    }

    /** A value of kind BYTES: strings, binary, calendar intervals, arrays, maps and structs. */
    public Object ofBytes(DirectBuffer b, int offset, int length) {
        if (type == DataTypes.StringType) {
            return b.getStringWithoutLengthUtf8(offset, length);
        } else if (type == DataTypes.BinaryType) {
            byte[] out = new byte[length];
            b.getBytes(offset, out);
            return out;
        } else if (type == DataTypes.CalendarIntervalType) {
            return TemporalValues.decode(b, offset);
        } else if (type instanceof ArrayType a) {
            return scala(CollectionCodec.readArray(b, offset, length, a.elementType()));
        } else if (type instanceof MapType m) {
            return scala(CollectionCodec.readMap(b, offset, length, m));
        } else if (type instanceof StructType st) {
            if (struct == null) {
                struct = new RowConverter(st);
            }
            return scala(struct.toRow(b, offset, length));
        }
        throw new IllegalStateException("no Java value for " + type.simpleString());
    }

    /** Java lists and maps, nested ones too (in rows as well), as the Scala collections Spark passes. */
    private static Object scala(Object v) {
        if (v instanceof Row r) {
            Object[] values = new Object[r.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = scala(r.get(i));
            }
            return new io.tideway.engine.row.GenericRow(values, r.schema());
        }
        if (v instanceof List<?> list) {
            Object[] items = new Object[list.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = scala(list.get(i));
            }
            return scala.collection.immutable.ArraySeq$.MODULE$.unsafeWrapArray(items);
        }
        if (v instanceof Map<?, ?> map) {
            scala.collection.immutable.Map<Object, Object> out = scala.collection.immutable.Map$.MODULE$.empty();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out = out.updated(scala(e.getKey()), scala(e.getValue()));
            }
            return out;
        }
        return v;
    }
}
