package io.tideway.sql;

import io.tideway.engine.encoders.BeanEncoder;
import io.tideway.engine.encoders.JavaSerializationEncoder;
import io.tideway.engine.encoders.KryoEncoder;
import io.tideway.engine.encoders.PrimitiveEncoder;
import io.tideway.engine.encoders.TupleEncoder;
import io.tideway.sql.types.DataTypes;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

import scala.Tuple2;
import scala.Tuple3;
import scala.Tuple4;
import scala.Tuple5;

/** Encoders for primitives, strings, Java beans, tuples and serializable objects, mirroring Spark's {@code Encoders}. */
public final class Encoders {
    private Encoders() {
    }

    /** A {@code String} as one nullable {@code string} column, {@code value}. */
    public static Encoder<String> STRING() {
        return new PrimitiveEncoder<>(String.class, DataTypes.StringType);
    }

    /** A {@code String} as one {@code char(length)} column, as Spark's {@code Encoders.CHAR}. */
    public static Encoder<String> CHAR(int length) {
        return new PrimitiveEncoder<>(String.class, new io.tideway.sql.types.CharType(length));
    }

    /** A {@code String} as one {@code varchar(length)} column, as Spark's {@code Encoders.VARCHAR}. */
    public static Encoder<String> VARCHAR(int length) {
        return new PrimitiveEncoder<>(String.class, new io.tideway.sql.types.VarcharType(length));
    }

    /** A {@code Long} as one nullable {@code bigint} column, {@code value}. */
    public static Encoder<Long> LONG() {
        return new PrimitiveEncoder<>(Long.class, DataTypes.LongType);
    }

    /** An {@code Integer} as one nullable {@code int} column, {@code value}. */
    public static Encoder<Integer> INT() {
        return new PrimitiveEncoder<>(Integer.class, DataTypes.IntegerType);
    }

    /** A {@code Byte} as one nullable {@code tinyint} column, {@code value}. */
    public static Encoder<Byte> BYTE() {
        return new PrimitiveEncoder<>(Byte.class, DataTypes.ByteType);
    }

    /** A {@code Short} as one nullable {@code smallint} column, {@code value}. */
    public static Encoder<Short> SHORT() {
        return new PrimitiveEncoder<>(Short.class, DataTypes.ShortType);
    }

    /** A {@code Float} as one nullable {@code float} column, {@code value}. */
    public static Encoder<Float> FLOAT() {
        return new PrimitiveEncoder<>(Float.class, DataTypes.FloatType);
    }

    /** A {@code java.math.BigDecimal} as Spark's {@code DecimalType.SYSTEM_DEFAULT}, decimal(38,18). */
    public static Encoder<java.math.BigDecimal> DECIMAL() {
        return new PrimitiveEncoder<>(java.math.BigDecimal.class, io.tideway.sql.types.DecimalType.SYSTEM_DEFAULT);
    }

    /** A {@code Double} as one nullable {@code double} column, {@code value}. */
    public static Encoder<Double> DOUBLE() {
        return new PrimitiveEncoder<>(Double.class, DataTypes.DoubleType);
    }

    /** A {@code Boolean} as one nullable {@code boolean} column, {@code value}. */
    public static Encoder<Boolean> BOOLEAN() {
        return new PrimitiveEncoder<>(Boolean.class, DataTypes.BooleanType);
    }

    /** A {@code java.sql.Timestamp} as one nullable {@code timestamp} column, {@code value}. */
    public static Encoder<Timestamp> TIMESTAMP() {
        return new PrimitiveEncoder<>(Timestamp.class, DataTypes.TimestampType);
    }

    /** A {@code java.sql.Date} as one nullable {@code date} column, {@code value}. */
    public static Encoder<Date> DATE() {
        return new PrimitiveEncoder<>(Date.class, DataTypes.DateType);
    }

    /** A {@code byte[]} as one nullable {@code binary} column, {@code value}. */
    public static Encoder<byte[]> BINARY() {
        return new PrimitiveEncoder<>(byte[].class, DataTypes.BinaryType);
    }

    /** A {@code scala.Tuple2}: columns {@code _1}, {@code _2} (see {@link TupleEncoder}). */
    public static <T1, T2> Encoder<Tuple2<T1, T2>> tuple(Encoder<T1> e1, Encoder<T2> e2) {
        return new TupleEncoder<>(List.of(e1, e2));
    }

    /** A {@code scala.Tuple3}: columns {@code _1} to {@code _3}, read by position. */
    public static <T1, T2, T3> Encoder<Tuple3<T1, T2, T3>> tuple(Encoder<T1> e1, Encoder<T2> e2, Encoder<T3> e3) {
        return new TupleEncoder<>(List.of(e1, e2, e3));
    }

    /** A {@code scala.Tuple4}: columns {@code _1} to {@code _4}, read by position. */
    public static <T1, T2, T3, T4> Encoder<Tuple4<T1, T2, T3, T4>> tuple(Encoder<T1> e1, Encoder<T2> e2, Encoder<T3> e3,
                                                                        Encoder<T4> e4) {
        return new TupleEncoder<>(List.of(e1, e2, e3, e4));
    }

    /** A {@code scala.Tuple5}: columns {@code _1} to {@code _5}, read by position. */
    public static <T1, T2, T3, T4, T5> Encoder<Tuple5<T1, T2, T3, T4, T5>> tuple(Encoder<T1> e1, Encoder<T2> e2,
                                                                                Encoder<T3> e3, Encoder<T4> e4, Encoder<T5> e5) {
        return new TupleEncoder<>(List.of(e1, e2, e3, e4, e5));
    }

    /** Any {@code Serializable} class as one binary column {@code value}, by Java serialization (Spark's {@code javaSerialization}). */
    public static <T> Encoder<T> javaSerialization(Class<T> cls) {
        return new JavaSerializationEncoder<>(cls);
    }

    // ---- kryo, Scala primitives, java.time and rows ----

    /**
     * Any class as one binary column {@code value} holding its Kryo serialization (Spark's
     * {@code kryo}; see {@link KryoEncoder}). Kryo is an optional dependency of the engine: an
     * application that calls this adds {@code com.esotericsoftware:kryo} (the Tideway BOM pins it).
     */
    public static <T> Encoder<T> kryo(Class<T> cls) {
        try {
            Class.forName("com.esotericsoftware.kryo.Kryo", false, Encoders.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new UnsupportedOperationException("Encoders.kryo needs Kryo on the class path: add the dependency "
                    + "com.esotericsoftware:kryo:5.6.2 (the version the Tideway BOM pins)", e);
        }
        return new KryoEncoder<>(cls);
    }

    /** As {@link #kryo(Class)}, Spark's {@code ClassTag} form. */
    @SuppressWarnings("unchecked")
    public static <T> Encoder<T> kryo(scala.reflect.ClassTag<T> classTag) {
        return kryo((Class<T>) classTag.runtimeClass());
    }

    /** As {@link #javaSerialization(Class)}, Spark's {@code ClassTag} form. */
    @SuppressWarnings("unchecked")
    public static <T> Encoder<T> javaSerialization(scala.reflect.ClassTag<T> classTag) {
        return javaSerialization((Class<T>) classTag.runtimeClass());
    }

    /** A never-null boolean, as Spark's {@code scalaBoolean} (a Scala primitive). */
    public static Encoder<Object> scalaBoolean() {
        return new PrimitiveEncoder<>(Object.class, DataTypes.BooleanType, false);
    }

    /** A never-null {@code tinyint}, as Spark's {@code scalaByte} (a Scala primitive). */
    public static Encoder<Object> scalaByte() {
        return new PrimitiveEncoder<>(Object.class, DataTypes.ByteType, false);
    }

    /** A never-null {@code smallint}, as Spark's {@code scalaShort} (a Scala primitive). */
    public static Encoder<Object> scalaShort() {
        return new PrimitiveEncoder<>(Object.class, DataTypes.ShortType, false);
    }

    /** A never-null {@code int}, as Spark's {@code scalaInt} (a Scala primitive). */
    public static Encoder<Object> scalaInt() {
        return new PrimitiveEncoder<>(Object.class, DataTypes.IntegerType, false);
    }

    /** A never-null {@code bigint}, as Spark's {@code scalaLong} (a Scala primitive). */
    public static Encoder<Object> scalaLong() {
        return new PrimitiveEncoder<>(Object.class, DataTypes.LongType, false);
    }

    /** A never-null {@code float}, as Spark's {@code scalaFloat} (a Scala primitive). */
    public static Encoder<Object> scalaFloat() {
        return new PrimitiveEncoder<>(Object.class, DataTypes.FloatType, false);
    }

    /** A never-null {@code double}, as Spark's {@code scalaDouble} (a Scala primitive). */
    public static Encoder<Object> scalaDouble() {
        return new PrimitiveEncoder<>(Object.class, DataTypes.DoubleType, false);
    }

    /** A {@code java.time.Instant} as a timestamp, as Spark's. */
    public static Encoder<java.time.Instant> INSTANT() {
        return new PrimitiveEncoder<>(java.time.Instant.class, DataTypes.TimestampType);
    }

    /** A {@code java.time.LocalDate} as a date. */
    public static Encoder<java.time.LocalDate> LOCALDATE() {
        return new PrimitiveEncoder<>(java.time.LocalDate.class, DataTypes.DateType);
    }

    /** A {@code java.time.LocalDateTime} as a {@code timestamp_ntz}. */
    public static Encoder<java.time.LocalDateTime> LOCALDATETIME() {
        return new PrimitiveEncoder<>(java.time.LocalDateTime.class, DataTypes.TimestampNTZType);
    }

    /** A {@code java.time.Duration} as {@code interval day to second}. */
    public static Encoder<java.time.Duration> DURATION() {
        return new PrimitiveEncoder<>(java.time.Duration.class, DataTypes.DayTimeIntervalType);
    }

    /** A {@code java.time.Period} as {@code interval year to month}. */
    public static Encoder<java.time.Period> PERIOD() {
        return new PrimitiveEncoder<>(java.time.Period.class, DataTypes.createYearMonthIntervalType());
    }

    /** Rows of {@code schema}, as Spark's {@code Encoders.row}. */
    public static Encoder<Row> row(io.tideway.sql.types.StructType schema) {
        return new io.tideway.engine.encoders.RowEncoder(schema);
    }

    // ---- end of kryo, Scala primitives, java.time and rows ----

    /** A Java bean: one column per getter/setter pair, ordered by name as in Spark. */
    public static <T> Encoder<T> bean(Class<T> beanClass) {
        return new BeanEncoder<>(beanClass);
    }
}
