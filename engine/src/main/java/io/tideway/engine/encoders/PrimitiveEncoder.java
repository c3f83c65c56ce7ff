package io.tideway.engine.encoders;

import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;

/** Encodes one boxed primitive, string, timestamp, date or byte array as a column named {@code value}. */
public final class PrimitiveEncoder<T> implements ObjectEncoder<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> cls;
    private final StructType schema;

    public PrimitiveEncoder(Class<T> cls, DataType type) {
        this(cls, type, true);
    }

    /** A primitive that is never null ({@code nullable} false) as Spark's {@code Encoders.scalaInt()} and the like. */
    public PrimitiveEncoder(Class<T> cls, DataType type, boolean nullable) {
        this.cls = cls;
        this.schema = new StructType().add("value", type, nullable);
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Class<T> runtimeClass() {
        return cls;
    }

    @Override
    public Converter<T> newConverter() {
        RowConverter rows = new RowConverter(schema);
        DataType type = schema.apply(0).dataType();
        return new Converter<>() {
            @Override
            public T read(RowReader row) {
                Row r = rows.toRow(row);
                return fromColumnValue(r.get(0));
            }

            @Override
            public void write(T value, RowWriter out) {
                RowConverter.writeValue(toColumnValue(value), type, out, 0);
            }
        };
    }

    @Override
    public boolean singleValue() {
        return true;
    }

    /** The column's value as this encoder's class: a timestamp as an {@code Instant}, a date as a {@code LocalDate} where asked. */
    @Override
    public T fromColumnValue(Object value) {
        if (value instanceof java.sql.Timestamp ts && cls == java.time.Instant.class) {
            return cls.cast(ts.toInstant());
        } else if (value instanceof java.sql.Date d && cls == java.time.LocalDate.class) {
            return cls.cast(d.toLocalDate());
        }
        return cls.cast(value);
    }

    @Override
    public Object toColumnValue(T object) {
        if (object instanceof java.time.Instant i) {
            return java.sql.Timestamp.from(i);
        } else if (object instanceof java.time.LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        return object;
    }

    @Override
    public String toString() {
        return "class[value[0]: " + schema.apply(0).dataType().simpleString() + "]";
    }
}
