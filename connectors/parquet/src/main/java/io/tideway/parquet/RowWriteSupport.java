package io.tideway.parquet;

import io.tideway.engine.row.RowConverter;
import io.tideway.sql.Row;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * Writes rows through Parquet's {@link RecordConsumer} in the layout of {@link ParquetSchemas}
 * (Spark's {@code ParquetWriteSupport}), and puts the Spark schema in the footer
 * ({@link SparkSchemaJson#ROW_METADATA_KEY}) so Spark and Tideway read the exact column types
 * back. Rows arrive as Java values ({@link RowConverter}), which also carry arrays and structs.
 *
 * <p>Threading: owned by the one file writer that created it.
 */
final class RowWriteSupport extends WriteSupport<Row> {
    /** Julian day number of 1970-01-01, the epoch INT96 timestamps count from. */
    static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private final StructType schema;
    private final TimestampOutput timestamps;
    private final ByteBuffer int96 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    private RecordConsumer out;

    RowWriteSupport(StructType schema, TimestampOutput timestamps) {
        this.schema = schema;
        this.timestamps = timestamps;
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        // Spark also writes its version: readers take the dates as proleptic Gregorian, as Tideway's are
        return new WriteContext(ParquetSchemas.toParquet(schema, timestamps), Map.of(
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
    public void write(Row row) {
        out.startMessage();
        fields(row, schema);
        out.endMessage();
    }

    private void fields(Row row, StructType st) {
        StructField[] fields = st.fields();
        for (int i = 0; i < fields.length; i++) {
            Object v = row.get(i);
            if (v != null) {
                out.startField(fields[i].name(), i);
                value(v, fields[i].dataType());
                out.endField(fields[i].name(), i);
            }
        }
    }

    private void value(Object v, DataType t) {
        if (t == DataTypes.BooleanType) {
            out.addBoolean((Boolean) v);
        } else if (t == DataTypes.ByteType || t == DataTypes.ShortType || t == DataTypes.IntegerType) {
            out.addInteger(((Number) v).intValue());
        } else if (t == DataTypes.LongType) {
            out.addLong(((Number) v).longValue());
        } else if (t == DataTypes.FloatType) {
            out.addFloat(((Number) v).floatValue());
        } else if (t == DataTypes.DoubleType) {
            out.addDouble(((Number) v).doubleValue());
        } else if (t == DataTypes.StringType) {
            out.addBinary(Binary.fromString(v.toString()));
        } else if (t == DataTypes.BinaryType) {
            out.addBinary(Binary.fromConstantByteArray((byte[]) v));
        } else if (t == DataTypes.DateType) {
            out.addInteger((int) ((Date) v).toLocalDate().toEpochDay());
        } else if (t == DataTypes.TimestampType) {
            timestamp(RowConverter.toMicros((Timestamp) v));
        } else if (t instanceof DecimalType d) {
            decimal((BigDecimal) v, d);
        } else if (t instanceof ArrayType a) {
            array((List<?>) v, a.elementType());
        } else if (t instanceof StructType st) {
            out.startGroup();
            fields((Row) v, st);
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

    private void decimal(BigDecimal v, DecimalType d) {
        BigInteger unscaled = v.setScale(d.scale(), java.math.RoundingMode.UNNECESSARY).unscaledValue();
        if (d.precision() <= 9) {
            out.addInteger(unscaled.intValueExact());
        } else if (d.precision() <= 18) {
            out.addLong(unscaled.longValueExact());
        } else {
            // big-endian two's complement, sign-extended to the fixed length
            byte[] bytes = unscaled.toByteArray();
            byte[] fixed = new byte[ParquetSchemas.minBytesForPrecision(d.precision())];
            byte pad = (byte) (unscaled.signum() < 0 ? -1 : 0);
            int start = fixed.length - bytes.length;
            java.util.Arrays.fill(fixed, 0, start, pad);
            System.arraycopy(bytes, 0, fixed, start, bytes.length);
            out.addBinary(Binary.fromConstantByteArray(fixed));
        }
    }

    /** The three-level LIST: {@code <field> { repeated group list { element } }}. */
    private void array(List<?> values, DataType element) {
        out.startGroup();
        if (!values.isEmpty()) {
            out.startField("list", 0);
            for (Object e : values) {
                out.startGroup();
                if (e != null) {
                    out.startField("element", 0);
                    value(e, element);
                    out.endField("element", 0);
                }
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
    }
}
