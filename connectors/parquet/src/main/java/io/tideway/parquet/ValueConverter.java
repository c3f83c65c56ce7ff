package io.tideway.parquet;

import io.tideway.engine.row.RowConverter;
import io.tideway.engine.row.TemporalValues;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Date;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Turns one Parquet column's values into the Java values of its Spark type (the values
 * {@link RowConverter} writes into binary rows): the annotated INT32s as byte, short, date or
 * decimal; INT64 as long, timestamp or timestamp_ntz (micros or millis) or decimal; INT96 as a timestamp (Julian
 * day and nanoseconds of the day); BINARY as string, binary or decimal; and the widenings Spark's
 * reader allows (an integer read as a long, a float as a double). {@link ParquetProjection} has
 * checked the pair of types first.
 *
 * <p>Threading: owned by the reader of one file.
 */
final class ValueConverter extends PrimitiveConverter {
    private final DataType target;
    private final Consumer<Object> sink;
    /** The file's decimal scale, or 0. */
    private final int fileScale;
    /** Microseconds per unit of an INT64 timestamp (1 or 1000). */
    private final long microsPerUnit;

    ValueConverter(DataType target, PrimitiveType file, Consumer<Object> sink) {
        this.target = target;
        this.sink = sink;
        LogicalTypeAnnotation a = file.getLogicalTypeAnnotation();
        this.fileScale = a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d ? d.getScale() : 0;
        this.microsPerUnit = a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS ? 1000L : 1L;
    }

    @Override
    public void addBoolean(boolean value) {
        sink.accept(value);
    }

    @Override
    public void addInt(int value) {
        if (target == DataTypes.ByteType) {
            sink.accept((byte) value);
        } else if (target == DataTypes.ShortType) {
            sink.accept((short) value);
        } else if (target == DataTypes.LongType) {
            sink.accept((long) value);
        } else if (target == DataTypes.DateType) {
            sink.accept(Date.valueOf(LocalDate.ofEpochDay(value)));
        } else if (target instanceof DecimalType) {
            sink.accept(BigDecimal.valueOf(value, fileScale));
        } else if (target == DataTypes.DoubleType) {
            sink.accept((double) value);
        } else {
            sink.accept(value);
        }
    }

    @Override
    public void addLong(long value) {
        if (target == DataTypes.TimestampType) {
            sink.accept(RowConverter.toTimestamp(value * microsPerUnit));
        } else if (target == DataTypes.TimestampNTZType) {
            sink.accept(TemporalValues.ntzToLocal(value * microsPerUnit));
        } else if (target instanceof DecimalType) {
            sink.accept(BigDecimal.valueOf(value, fileScale));
        } else {
            sink.accept(value);
        }
    }

    @Override
    public void addFloat(float value) {
        sink.accept(target == DataTypes.DoubleType ? (Object) (double) value : (Object) value);
    }

    @Override
    public void addDouble(double value) {
        sink.accept(value);
    }

    @Override
    public void addBinary(Binary value) {
        if (target == DataTypes.StringType) {
            sink.accept(value.toStringUsingUTF8());
        } else if (target == DataTypes.TimestampType || target == DataTypes.TimestampNTZType) {
            ByteBuffer b = ByteBuffer.wrap(value.getBytes()).order(ByteOrder.LITTLE_ENDIAN);
            long nanosOfDay = b.getLong();
            long julianDay = b.getInt();
            long micros = (julianDay - RowWriteSupport.JULIAN_DAY_OF_EPOCH) * RowWriteSupport.MICROS_PER_DAY
                    + nanosOfDay / 1000L;
            sink.accept(target == DataTypes.TimestampType ? RowConverter.toTimestamp(micros) : TemporalValues.ntzToLocal(micros));
        } else if (target instanceof DecimalType) {
            sink.accept(new BigDecimal(new BigInteger(value.getBytes()), fileScale));
        } else {
            sink.accept(value.getBytes());
        }
    }
}
