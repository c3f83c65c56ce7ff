package io.tideway.engine.expr.udf;

import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.expr.DecimalKernels;
import io.tideway.engine.row.CollectionCodec;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.row.TemporalValues;
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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The result of a Java UDF, a Java object, as a value of generated code of the UDF's declared
 * type, as Spark's {@code createToCatalystConverter}: numbers and booleans must be of the boxed
 * class of the type (a cast, whose {@code ClassCastException} Spark reports too), strings may be
 * a {@code String} or a {@code Character}, dates a {@code java.sql.Date} or {@code LocalDate},
 * timestamps a {@code Timestamp} or {@code Instant}, arrays a Java array, {@code Iterable} or
 * Scala {@code Seq}, maps a Java or Scala map, structs a {@link Row}. A constant of one generated
 * class; task thread only (it owns the output buffer).
 */
public final class UdfResult {
    private final DataType type;
    private final boolean ansi;
    private final BytesOut out = new BytesOut();
    private RowConverter struct;
    private ExpandableDirectByteBuffer structBuffer;

    public UdfResult(DataType type, boolean ansi) {
        this.type = type;
        this.ansi = ansi;
    }

    /** A result of kind LONG. */
    public long toLong(Object r) {
        if (type == DataTypes.IntegerType) {
            return (Integer) r;
        } else if (type == DataTypes.LongType) {
            return (Long) r;
        } else if (type == DataTypes.BooleanType) {
            return (Boolean) r ? 1L : 0L;
        } else if (type == DataTypes.ShortType) {
            return (Short) r;
        } else if (type == DataTypes.ByteType) {
            return (Byte) r;
        } else if (type == DataTypes.DateType) {
            if (r instanceof Date d) {
                return d.toLocalDate().toEpochDay();
            }
            if (r instanceof LocalDate d) {
                return d.toEpochDay();
            }
            throw notConvertible(r);
        } else if (type == DataTypes.TimestampType) {
            if (r instanceof Timestamp t) {
                return RowConverter.toMicros(t);
            }
            if (r instanceof Instant i) {
                return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
            }
            throw notConvertible(r);
        }
        return TemporalValues.toLong(r);
    }

    /** A result of kind DOUBLE. */
    public double toDouble(Object r) {
        return type == DataTypes.FloatType ? (Float) r : (Double) r;
    }

    /** A result of kind DECIMAL, at the type's precision and scale (null on overflow without ANSI). */
    public BigDecimal toDecimal(Object r) {
        DecimalType d = (DecimalType) type;
        BigDecimal v;
        if (r instanceof BigDecimal b) {
            v = b;
        } else if (r instanceof BigInteger i) {
            v = new BigDecimal(i);
        } else if (r instanceof scala.math.BigDecimal b) {
            v = b.bigDecimal();
        } else {
            throw notConvertible(r);
        }
        return DecimalKernels.toPrecision(v, d.precision(), d.scale(), ansi);
    }

    /** A result of kind BYTES, written to this converter's buffer ({@link #buffer()}); returns its length. */
    public int toBytes(Object r) {
        out.reset();
        if (type == DataTypes.StringType) {
            if (r instanceof String || r instanceof Character) {
                out.append(r.toString().getBytes(StandardCharsets.UTF_8));
            } else if (r instanceof char[] chars) {
                out.append(String.valueOf(chars).getBytes(StandardCharsets.UTF_8));
            } else {
                throw notConvertible(r);
            }
        } else if (type == DataTypes.BinaryType) {
            out.append((byte[]) r);
        } else if (type == DataTypes.CalendarIntervalType) {
            out.append(TemporalValues.encode((io.tideway.unsafe.types.CalendarInterval) r));
        } else if (type instanceof ArrayType a) {
            out.append(CollectionCodec.encodeArray(java(r), a.elementType()));
        } else if (type instanceof MapType m) {
            Object map = java(r);
            if (!(map instanceof java.util.Map<?, ?> jm)) {
                throw notConvertible(r);
            }
            out.append(CollectionCodec.encodeMap(jm, m));
        } else if (type instanceof StructType st) {
            if (!(java(r) instanceof Row row)) {
                throw notConvertible(r);
            }
            if (struct == null) {
                struct = new RowConverter(st);
                structBuffer = new ExpandableDirectByteBuffer(64);
            }
            RowWriter w = new RowWriter(st.length()).wrap(structBuffer, 0);
            struct.write(row, w);
            out.append(structBuffer, 0, w.finish());
        } else {
            throw notConvertible(r);
        }
        return out.length();
    }

    /** The buffer {@link #toBytes} wrote, from offset 0. */
    public DirectBuffer buffer() {
        return out.buffer();
    }

    /** Scala collections as Java ones, nested ones too (in rows as well), for the encoders of arrays, maps and rows. */
    private static Object java(Object r) {
        if (r instanceof scala.collection.Seq<?> s) {
            r = scala.jdk.javaapi.CollectionConverters.asJava(s);
        } else if (r instanceof scala.collection.Map<?, ?> m) {
            r = scala.jdk.javaapi.CollectionConverters.asJava(m);
        }
        if (r instanceof java.util.List<?> list) {
            java.util.List<Object> out = new java.util.ArrayList<>(list.size());
            for (Object v : list) {
                out.add(java(v));
            }
            return out;
        }
        if (r instanceof java.util.Map<?, ?> map) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
                out.put(java(e.getKey()), java(e.getValue()));
            }
            return out;
        }
        if (r instanceof Row row) {
            Object[] values = new Object[row.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = java(row.get(i));
            }
            return new io.tideway.engine.row.GenericRow(values, row.schema());
        }
        return r;
    }

    /** Spark's {@code _LEGACY_ERROR_TEMP_3219}, the converter's refusal of a value of another class. */
    private IllegalArgumentException notConvertible(Object r) {
        return new IllegalArgumentException("The value (" + r + ") of the type (" + r.getClass().getCanonicalName()
                + ") cannot be converted to the " + type.sql() + " type");
    }
}
