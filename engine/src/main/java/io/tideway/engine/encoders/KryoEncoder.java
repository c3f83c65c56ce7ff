package io.tideway.engine.encoders;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Encodes any object as one binary column {@code value} holding its Kryo serialization, as
 * Spark's {@code Encoders.kryo}: classes need not be registered, be {@code Serializable} or have
 * a no-argument constructor (Spark's settings). The bytes are Kryo 5's, not the Kryo 4 of
 * Spark's, so they are Tideway's own: a value written by one engine is not read by the other.
 * Immutable and thread-safe; each converter has its own {@code Kryo}, which is not.
 */
public final class KryoEncoder<T> implements ObjectEncoder<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> cls;
    private final StructType schema = new StructType().add("value", DataTypes.BinaryType, false);

    public KryoEncoder(Class<T> cls) {
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

    /** Allocates a Kryo per call: for the occasional read (a tuple's element), converters keep theirs. */
    @Override
    public T fromColumnValue(Object value) {
        return read(newKryo(), (byte[]) value);
    }

    @Override
    public Object toColumnValue(T object) {
        return write(newKryo(), object);
    }

    @Override
    public Converter<T> newConverter() {
        Kryo kryo = newKryo();
        return new Converter<>() {
            @Override
            public T read(RowReader row) {
                return row.isNullAt(0) ? null : KryoEncoder.this.read(kryo, row.getBinary(0));
            }

            @Override
            public void write(T value, RowWriter out) {
                if (value == null) {
                    out.setNull(0);
                } else {
                    out.putBytes(0, KryoEncoder.write(kryo, value));
                }
            }
        };
    }

    private T read(Kryo kryo, byte[] bytes) {
        try (Input in = new Input(bytes)) {
            return cls.cast(kryo.readClassAndObject(in));
        }
    }

    private static byte[] write(Kryo kryo, Object value) {
        try (Output out = new Output(256, -1)) {
            kryo.writeClassAndObject(out, value);
            return out.toBytes();
        }
    }

    /** Spark's Kryo settings: no registration, references tracked, objects made without a constructor when they lack one. */
    private static Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        kryo.setClassLoader(Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : KryoEncoder.class.getClassLoader());
        return kryo;
    }
}
