package io.tideway.engine.row;

import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.MapType;
import io.tideway.engine.expr.DecimalKernels;
import io.tideway.sql.types.StructType;
import io.tideway.sql.types.UserDefinedType;
import org.agrona.ExpandableDirectByteBuffer;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * Converts between binary rows and Java {@link Row}s for one schema: the edge between the data
 * path and user code (sinks that show rows, encoders, {@code collectAsList}). Allocates by nature.
 * Not thread-safe (it keeps reusable flyweights); create one per thread.
 */
public final class RowConverter {
    private final StructType schema;
    private final DataType[] types;
    private final RowReader reader;
    private final ArrayReader arrayReader = new ArrayReader();
    private RowConverter[] structConverters;

    public RowConverter(StructType schema) {
        this.schema = schema;
        this.types = new DataType[schema.length()];
        for (int i = 0; i < types.length; i++) {
            types[i] = schema.apply(i).dataType();
        }
        this.reader = new RowReader(types.length);
        this.structConverters = new RowConverter[types.length];
    }

    public StructType schema() {
        return schema;
    }

    public Row toRow(org.agrona.DirectBuffer buffer, int offset, int length) {
        return toRow(reader.wrap(buffer, offset, length));
    }

    public Row toRow(RowReader row) {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            values[i] = row.isNullAt(i) ? null : read(row, i);
        }
        return new GenericRow(values, schema);
    }

    private Object read(RowReader row, int i) {
        DataType t = types[i];
        // a user-defined type is stored as its SQL type and handed to user code as the user's object
        return t instanceof UserDefinedType<?> u ? u.deserialize(read(row, i, u.sqlType())) : read(row, i, t);
    }

    private Object read(RowReader row, int i, DataType t) {
        if (t == DataTypes.LongType) {
            return row.getLong(i);
        } else if (t == DataTypes.IntegerType) {
            return row.getInt(i);
        } else if (t == DataTypes.DoubleType) {
            return row.getDouble(i);
        } else if (t == DataTypes.FloatType) {
            return (float) row.getDouble(i);
        } else if (t == DataTypes.ByteType) {
            return (byte) row.getLong(i);
        } else if (t == DataTypes.ShortType) {
            return (short) row.getLong(i);
        } else if (t == DataTypes.BooleanType) {
            return row.getBoolean(i);
        } else if (t instanceof DecimalType d) {
            return row.getDecimal(i, d.precision(), d.scale());
        } else if (t == DataTypes.StringType) {
            return row.getString(i);
        } else if (t == DataTypes.BinaryType) {
            return row.getBinary(i);
        } else if (t == DataTypes.TimestampType) {
            return toTimestamp(row.getLong(i));
        } else if (t == DataTypes.DateType) {
            return Date.valueOf(LocalDate.ofEpochDay(row.getInt(i)));
        } else if (TemporalValues.isLongBacked(t)) {
            return TemporalValues.toJava(t, row.getLong(i));
        } else if (TemporalValues.isCalendar(t)) {
            return TemporalValues.decode(row.buffer(), row.varOffset(i));
        } else if (t == DataTypes.VariantType) {
            return new io.tideway.unsafe.types.VariantVal(
                    io.tideway.types.variant.VariantLayout.value(row.buffer(), row.varOffset(i), row.varLength(i)),
                    io.tideway.types.variant.VariantLayout.metadata(row.buffer(), row.varOffset(i), row.varLength(i)));
        } else if (t instanceof ArrayType at) {
            return CollectionCodec.readArray(row.buffer(), row.varOffset(i), row.varLength(i), at.elementType());
        } else if (t instanceof MapType mt) {
            return CollectionCodec.readMap(row.buffer(), row.varOffset(i), row.varLength(i), mt);
        } else if (t instanceof StructType st) {
            if (structConverters[i] == null) {
                structConverters[i] = new RowConverter(st);
            }
            return structConverters[i].toRow(row.getStruct(i, new RowReader(st.length())));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Object serialize(UserDefinedType<?> udt, Object value) {
        return ((UserDefinedType<Object>) udt).serialize(value);
    }

    public static Timestamp toTimestamp(long micros) {
        Timestamp ts = new Timestamp(Math.floorDiv(micros, 1000L));
        ts.setNanos((int) Math.floorMod(micros, 1_000_000L) * 1000);
        return ts;
    }

    public static long toMicros(Timestamp ts) {
        return Math.floorDiv(ts.getTime(), 1000L) * 1_000_000L + ts.getNanos() / 1000;
    }

    /** Writes a Java row into {@code writer}, which must already be wrapped at its position. */
    public void write(Row row, RowWriter writer) {
        for (int i = 0; i < types.length; i++) {
            writeValue(row.get(i), types[i], writer, i);
        }
    }

    /** Writes one Java value of type {@code t} into field {@code i}. */
    public static void writeValue(Object v, DataType t, RowWriter w, int i) {
        if (v == null) {
            w.setNull(i);
        } else if (t == DataTypes.LongType) {
            w.putLong(i, ((Number) v).longValue());
        } else if (t == DataTypes.IntegerType) {
            w.putInt(i, ((Number) v).intValue());
        } else if (t == DataTypes.DoubleType) {
            w.putDouble(i, ((Number) v).doubleValue());
        } else if (t == DataTypes.FloatType) {
            w.putDouble(i, ((Number) v).floatValue());
        } else if (t == DataTypes.ByteType) {
            w.putLong(i, ((Number) v).byteValue());
        } else if (t == DataTypes.ShortType) {
            w.putLong(i, ((Number) v).shortValue());
        } else if (t == DataTypes.BooleanType) {
            w.putBoolean(i, (Boolean) v);
        } else if (t instanceof DecimalType d) {
            w.putDecimal(i, DecimalKernels.ofJava(v, d), d.precision());
        } else if (t == DataTypes.StringType) {
            w.putString(i, v.toString());
        } else if (t == DataTypes.BinaryType) {
            w.putBytes(i, (byte[]) v);
        } else if (t == DataTypes.TimestampType) {
            w.putLong(i, v instanceof Timestamp ts ? toMicros(ts) : ((Number) v).longValue());
        } else if (t == DataTypes.DateType) {
            w.putInt(i, v instanceof Date d ? (int) d.toLocalDate().toEpochDay() : ((Number) v).intValue());
        } else if (TemporalValues.isLongBacked(t)) {
            w.putLong(i, TemporalValues.toLong(v));
        } else if (TemporalValues.isCalendar(t)) {
            w.putBytes(i, TemporalValues.encode((io.tideway.unsafe.types.CalendarInterval) v));
        } else if (t == DataTypes.VariantType) {
            io.tideway.unsafe.types.VariantVal vv = (io.tideway.unsafe.types.VariantVal) v;
            w.putBytes(i, io.tideway.types.variant.VariantLayout.encode(vv.getValue(), vv.getMetadata()));
        } else if (t instanceof ArrayType at) {
            w.putBytes(i, CollectionCodec.encodeArray(v, at.elementType()));
        } else if (t instanceof MapType mt) {
            w.putBytes(i, CollectionCodec.encodeMap((java.util.Map<?, ?>) v, mt));
        } else if (t instanceof UserDefinedType<?> u) {
            writeValue(serialize(u, v), u.sqlType(), w, i);
        } else if (t instanceof StructType st) {
            ExpandableDirectByteBuffer scratch = new ExpandableDirectByteBuffer(64);
            RowWriter nested = new RowWriter(st.length()).wrap(scratch, 0);
            new RowConverter(st).write((Row) v, nested);
            w.putBytes(i, scratch, 0, nested.finish());
        } else {
            w.setNull(i);
        }
    }
}
