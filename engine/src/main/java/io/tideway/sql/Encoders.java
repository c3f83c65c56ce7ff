package io.tideway.sql;

import io.tideway.engine.encoders.BeanEncoder;
import io.tideway.engine.encoders.PrimitiveEncoder;
import io.tideway.sql.types.DataTypes;

import java.sql.Date;
import java.sql.Timestamp;

/** Encoders for primitives, strings and Java beans, mirroring Spark's {@code Encoders}. */
public final class Encoders {
    private Encoders() {
    }

    public static Encoder<String> STRING() {
        return new PrimitiveEncoder<>(String.class, DataTypes.StringType);
    }

    public static Encoder<Long> LONG() {
        return new PrimitiveEncoder<>(Long.class, DataTypes.LongType);
    }

    public static Encoder<Integer> INT() {
        return new PrimitiveEncoder<>(Integer.class, DataTypes.IntegerType);
    }

    public static Encoder<Byte> BYTE() {
        return new PrimitiveEncoder<>(Byte.class, DataTypes.ByteType);
    }

    public static Encoder<Short> SHORT() {
        return new PrimitiveEncoder<>(Short.class, DataTypes.ShortType);
    }

    public static Encoder<Float> FLOAT() {
        return new PrimitiveEncoder<>(Float.class, DataTypes.FloatType);
    }

    /** A {@code java.math.BigDecimal} as Spark's {@code DecimalType.SYSTEM_DEFAULT}, decimal(38,18). */
    public static Encoder<java.math.BigDecimal> DECIMAL() {
        return new PrimitiveEncoder<>(java.math.BigDecimal.class, io.tideway.sql.types.DecimalType.SYSTEM_DEFAULT);
    }

    public static Encoder<Double> DOUBLE() {
        return new PrimitiveEncoder<>(Double.class, DataTypes.DoubleType);
    }

    public static Encoder<Boolean> BOOLEAN() {
        return new PrimitiveEncoder<>(Boolean.class, DataTypes.BooleanType);
    }

    public static Encoder<Timestamp> TIMESTAMP() {
        return new PrimitiveEncoder<>(Timestamp.class, DataTypes.TimestampType);
    }

    public static Encoder<Date> DATE() {
        return new PrimitiveEncoder<>(Date.class, DataTypes.DateType);
    }

    public static Encoder<byte[]> BINARY() {
        return new PrimitiveEncoder<>(byte[].class, DataTypes.BinaryType);
    }

    /** A Java bean: one column per getter/setter pair, ordered by name as in Spark. */
    public static <T> Encoder<T> bean(Class<T> beanClass) {
        return new BeanEncoder<>(beanClass);
    }
}
