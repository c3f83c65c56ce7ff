package io.tideway.engine.encoders;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Encodes any object as one binary column {@code value} holding its Kryo serialization, as
 * Spark's {@code Encoders.kryo}: classes need not be registered, be {@code Serializable} or have
 * a no-argument constructor (Spark's settings). The bytes are Kryo 5's, not the Kryo 4 of
 * Spark's, so they are Tideway's own: a value written by one engine is not read by the other.
 * Immutable and thread-safe; each converter has its own {@code Kryo}, which is not.
 */
public final class KryoEncoder<T> extends SerializedValueEncoder<T> {
    private static final long serialVersionUID = 1L;

    public KryoEncoder(Class<T> cls) {
        super(cls);
    }

    /** One {@code Kryo} per serializer: a {@code Kryo} is not thread-safe and is costly to make per value. */
    @Override
    Serializer<T> newSerializer() {
        Kryo kryo = newKryo();
        return new Serializer<>() {
            @Override
            public T read(byte[] bytes) {
                try (Input in = new Input(bytes)) {
                    return cls.cast(kryo.readClassAndObject(in));
                }
            }

            @Override
            public byte[] write(T value) {
                try (Output out = new Output(256, -1)) {
                    kryo.writeClassAndObject(out, value);
                    return out.toBytes();
                }
            }
        };
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
