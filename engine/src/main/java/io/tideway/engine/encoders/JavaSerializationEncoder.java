package io.tideway.engine.encoders;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Encodes any {@code Serializable} object as one binary column {@code value} holding its Java
 * serialization, as Spark's {@code Encoders.javaSerialization}: opaque to SQL, readable by typed
 * operations. Immutable and thread-safe; its converters are not.
 */
public final class JavaSerializationEncoder<T> implements ObjectEncoder<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> cls;
    private final StructType schema = new StructType().add("value", DataTypes.BinaryType, false);

    public JavaSerializationEncoder(Class<T> cls) {
        this.cls = cls;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Class<T> clsTag() {
        return cls;
    }

    @Override
    public boolean singleValue() {
        return true;
    }

    @Override
    public T fromColumnValue(Object value) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream((byte[]) value))) {
            return cls.cast(in.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot deserialize a " + cls.getName(), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot deserialize a " + cls.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Object toColumnValue(T object) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize a " + cls.getName(), e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Converter<T> newConverter() {
        return new Converter<>() {
            @Override
            public T read(RowReader row) {
                return row.isNullAt(0) ? null : fromColumnValue(row.getBinary(0));
            }

            @Override
            public void write(T value, RowWriter out) {
                if (value == null) {
                    out.setNull(0);
                } else {
                    out.putBytes(0, (byte[]) toColumnValue(value));
                }
            }
        };
    }
}
