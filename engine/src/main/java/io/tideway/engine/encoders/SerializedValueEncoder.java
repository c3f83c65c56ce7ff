package io.tideway.engine.encoders;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

/**
 * An encoder that stores each object as the bytes of one non-null binary column {@code value}, as
 * Spark's {@code Encoders.javaSerialization} and {@code Encoders.kryo} do: opaque to SQL, readable
 * by typed operations. Subclasses say how an object becomes bytes and back. Immutable and
 * thread-safe; each converter has its own {@link Serializer}, which need not be.
 */
abstract class SerializedValueEncoder<T> implements ObjectEncoder<T> {
    private static final long serialVersionUID = 1L;
    final Class<T> cls;
    private final StructType schema = new StructType().add("value", DataTypes.BinaryType, false);

    SerializedValueEncoder(Class<T> cls) {
        this.cls = cls;
    }

    /** Turns objects into bytes and back; used by one thread at a time. */
    interface Serializer<T> {
        T read(byte[] bytes);

        byte[] write(T value);
    }

    /** A serializer for one converter, or for one occasional value. */
    abstract Serializer<T> newSerializer();

    @Override
    public final StructType schema() {
        return schema;
    }

    @Override
    public final Class<T> runtimeClass() {
        return cls;
    }

    @Override
    public final boolean singleValue() {
        return true;
    }

    /** Makes a serializer per call: for the occasional value (a tuple's element); converters keep theirs. */
    @Override
    public final T fromColumnValue(Object value) {
        return newSerializer().read((byte[]) value);
    }

    @Override
    public final Object toColumnValue(T object) {
        return newSerializer().write(object);
    }

    @Override
    public final Converter<T> newConverter() {
        Serializer<T> serializer = newSerializer();
        return new Converter<>() {
            @Override
            public T read(RowReader row) {
                return row.isNullAt(0) ? null : serializer.read(row.getBinary(0));
            }

            @Override
            public void write(T value, RowWriter out) {
                if (value == null) {
                    out.setNull(0);
                } else {
                    out.putBytes(0, serializer.write(value));
                }
            }
        };
    }
}
