package io.tideway.parquet;

import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.MapDescriptor;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes binary rows through Parquet's {@link RecordConsumer} in the layout of
 * {@link ParquetSchemas} (Spark's {@code ParquetWriteSupport}), straight from the row's slots
 * (strings and binaries as their bytes, decimals as their unscaled values, timestamps as their
 * microseconds; arrays, maps and structs nested to any depth), and puts the Spark schema in the footer ({@link SparkSchemaJson#ROW_METADATA_KEY})
 * so Spark and Tideway read the exact column types back.
 *
 * <p>Threading: owned by the one file writer that created it.
 */
final class RowWriteSupport extends WriteSupport<RowReader> {
    /** Julian day number of 1970-01-01, the epoch INT96 timestamps count from. */
    static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private final StructType schema;
    private final TimestampOutput timestamps;
    /** Spark's legacy layout ({@link ParquetSchemas}): fixed-length decimals, {@code bag}/{@code array} lists. */
    private final boolean legacy;
    private final ByteBuffer int96 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    private RecordConsumer out;

    RowWriteSupport(StructType schema, TimestampOutput timestamps, boolean legacy) {
        this.schema = schema;
        this.timestamps = timestamps;
        this.legacy = legacy;
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        // Spark also writes its version: readers take the dates as proleptic Gregorian, as Tideway's are
        return new WriteContext(ParquetSchemas.toParquet(schema, timestamps, legacy), Map.of(
                SparkSchemaJson.ROW_METADATA_KEY, SparkSchemaJson.toJson(schema),
                "org.apache.spark.version", "4.0.4"));
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return init((ParquetConfiguration) null);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(RowReader row) {
        out.startMessage();
        fields(row, schema);
        out.endMessage();
    }

    private void fields(RowReader row, StructType st) {
        StructField[] fields = st.fields();
        for (int i = 0; i < fields.length; i++) {
            if (!row.isNullAt(i)) {
                out.startField(fields[i].name(), i);
                value(row, i, fields[i].dataType());
                out.endField(fields[i].name(), i);
            }
        }
    }

    /** Field {@code i} of a row: fixed-width types from its slot, the others from its bytes. */
    private void value(RowReader row, int i, DataType t) {
        if (t == DataTypes.BooleanType) {
            out.addBoolean(row.getBoolean(i));
        } else if (t == DataTypes.ByteType || t == DataTypes.ShortType) {
            out.addInteger((int) row.getLong(i)); // the rows keep narrow integers in a long slot
        } else if (t == DataTypes.IntegerType || t == DataTypes.DateType) {
            out.addInteger(row.getInt(i));
        } else if (t == DataTypes.LongType || t == DataTypes.TimestampNTZType) {
            out.addLong(row.getLong(i));
        } else if (t == DataTypes.FloatType) {
            out.addFloat((float) row.getDouble(i)); // and floats in a double slot
        } else if (t == DataTypes.DoubleType) {
            out.addDouble(row.getDouble(i));
        } else if (t == DataTypes.TimestampType) {
            timestamp(row.getLong(i));
        } else if (t instanceof DecimalType d && d.isFixedWidth()) {
            longDecimal(row.getLong(i), d);
        } else {
            bytes(row.buffer(), row.varOffset(i), row.varLength(i), t);
        }
    }

    /** Element {@code j} of an array, laid out as {@code CollectionCodec} writes them. */
    private void element(ArrayReader a, int j, DataType t) {
        if (t == DataTypes.BooleanType) {
            out.addBoolean(a.getBoolean(j));
        } else if (t == DataTypes.ByteType || t == DataTypes.ShortType) {
            out.addInteger((int) a.getLong(j));
        } else if (t == DataTypes.IntegerType || t == DataTypes.DateType) {
            out.addInteger(a.getInt(j));
        } else if (t == DataTypes.LongType || t == DataTypes.TimestampNTZType) {
            out.addLong(a.getLong(j));
        } else if (t == DataTypes.FloatType) {
            out.addFloat((float) a.getDouble(j));
        } else if (t == DataTypes.DoubleType) {
            out.addDouble(a.getDouble(j));
        } else if (t == DataTypes.TimestampType) {
            timestamp(a.getLong(j));
        } else if (t instanceof DecimalType d && d.isFixedWidth()) {
            longDecimal(a.getLong(j), d);
        } else {
            bytes(a.buffer(), a.varOffset(j), a.varLength(j), t);
        }
    }

    /**
     * A value kept as bytes in a row's or an array's variable region: a string (its UTF-8) or a
     * binary, a wide decimal's unscaled two's complement, or a nested array, map or struct (each
     * read through a flyweight of its own, as they nest).
     */
    private void bytes(DirectBuffer buffer, int offset, int length, DataType t) {
        if (t == DataTypes.StringType || t == DataTypes.BinaryType) {
            byte[] b = new byte[length];
            buffer.getBytes(offset, b);
            out.addBinary(Binary.fromConstantByteArray(b));
        } else if (t instanceof DecimalType d) {
            byte[] b = new byte[length];
            buffer.getBytes(offset, b);
            wideDecimal(new BigInteger(b), d);
        } else if (t instanceof ArrayType a) {
            array(new ArrayReader().wrap(buffer, offset, length), a);
        } else if (t instanceof MapType m) {
            ArrayReader keys = new ArrayReader();
            ArrayReader values = new ArrayReader();
            MapDescriptor.wrap(buffer, offset, length, keys, values);
            map(keys, values, m);
        } else if (t instanceof StructType st) {
            out.startGroup();
            fields(new RowReader(st.length()).wrap(buffer, offset, length), st);
            out.endGroup();
        } else if (t == DataTypes.VariantType) {
            out.startGroup();
            out.startField(ParquetSchemas.VARIANT_VALUE, 0);
            out.addBinary(Binary.fromConstantByteArray(io.tideway.types.variant.VariantLayout.value(buffer, offset, length)));
            out.endField(ParquetSchemas.VARIANT_VALUE, 0);
            out.startField(ParquetSchemas.VARIANT_METADATA, 1);
            out.addBinary(Binary.fromConstantByteArray(io.tideway.types.variant.VariantLayout.metadata(buffer, offset, length)));
            out.endField(ParquetSchemas.VARIANT_METADATA, 1);
            out.endGroup();
        } else {
            throw new IllegalStateException("no Parquet writer for " + t.simpleString()); // ParquetSchemas refused it first
        }
    }

    private void timestamp(long micros) {
        switch (timestamps) {
            case TIMESTAMP_MICROS -> out.addLong(micros);
            case TIMESTAMP_MILLIS -> out.addLong(Math.floorDiv(micros, 1000L));
            case INT96 -> {
                long julianMicros = micros + JULIAN_DAY_OF_EPOCH * MICROS_PER_DAY;
                int96.clear();
                int96.putLong(Math.floorMod(julianMicros, MICROS_PER_DAY) * 1000L);
                int96.putInt((int) Math.floorDiv(julianMicros, MICROS_PER_DAY));
                out.addBinary(Binary.fromConstantByteArray(int96.array().clone()));
            }
        }
    }

    /**
     * Spark's layout by precision: the unscaled value as INT32 up to 9 digits, else INT64; in the
     * legacy layout as fixed bytes (Spark's {@code binaryWriterUsingUnscaledLong}).
     */
    private void longDecimal(long unscaled, DecimalType d) {
        if (legacy) {
            wideDecimal(BigInteger.valueOf(unscaled), d);
        } else if (d.precision() <= 9) {
            out.addInteger((int) unscaled);
        } else {
            out.addLong(unscaled);
        }
    }

    /** Above 18 digits: the unscaled value as big-endian bytes of the length Spark gives the precision. */
    private void wideDecimal(BigInteger unscaled, DecimalType d) {
        byte[] bytes = unscaled.toByteArray();
        byte[] fixed = new byte[ParquetSchemas.minBytesForPrecision(d.precision())];
        int start = fixed.length - bytes.length;
        Arrays.fill(fixed, 0, start, (byte) (unscaled.signum() < 0 ? -1 : 0)); // sign extension
        System.arraycopy(bytes, 0, fixed, start, bytes.length);
        out.addBinary(Binary.fromConstantByteArray(fixed));
    }

    /**
     * The three-level LIST: {@code <field> { repeated group list { element } }}; in the legacy
     * layout {@code bag} and {@code array}, or, for non-null elements, two levels
     * {@code <field> { repeated array }} (Spark's {@code twoLevelArrayWriter}).
     */
    private void array(ArrayReader values, ArrayType type) {
        DataType element = type.elementType();
        out.startGroup();
        if (values.count() > 0 && legacy && !type.containsNull()) {
            out.startField("array", 0);
            for (int j = 0; j < values.count(); j++) {
                element(values, j, element);
            }
            out.endField("array", 0);
        } else if (values.count() > 0) {
            String repeated = legacy ? "bag" : "list";
            String field = legacy ? "array" : "element";
            out.startField(repeated, 0);
            for (int j = 0; j < values.count(); j++) {
                out.startGroup();
                if (!values.isNullAt(j)) {
                    out.startField(field, 0);
                    element(values, j, element);
                    out.endField(field, 0);
                }
                out.endGroup();
            }
            out.endField(repeated, 0);
        }
        out.endGroup();
    }

    /** The MAP: {@code <field> { repeated group key_value { key; value } }}, a null value left out. */
    private void map(ArrayReader keys, ArrayReader values, MapType m) {
        out.startGroup();
        if (keys.count() > 0) {
            out.startField("key_value", 0);
            for (int j = 0; j < keys.count(); j++) {
                out.startGroup();
                out.startField("key", 0);
                element(keys, j, m.keyType());
                out.endField("key", 0);
                if (!values.isNullAt(j)) {
                    out.startField("value", 1);
                    element(values, j, m.valueType());
                    out.endField("value", 1);
                }
                out.endGroup();
            }
            out.endField("key_value", 0);
        }
        out.endGroup();
    }
}
