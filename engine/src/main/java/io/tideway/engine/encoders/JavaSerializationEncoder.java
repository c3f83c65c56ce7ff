package io.tideway.engine.encoders;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Encodes any {@code Serializable} object as one binary column {@code value} holding its Java
 * serialization, as Spark's {@code Encoders.javaSerialization}. Immutable and thread-safe.
 */
public final class JavaSerializationEncoder<T> extends SerializedValueEncoder<T> {
    private static final long serialVersionUID = 1L;

    public JavaSerializationEncoder(Class<T> cls) {
        super(cls);
    }

    @Override
    Serializer<T> newSerializer() {
        return new Serializer<>() {
            @Override
            public T read(byte[] bytes) {
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                    return cls.cast(in.readObject());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot deserialize a " + cls.getName(), e);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("Cannot deserialize a " + cls.getName() + ": " + e.getMessage(), e);
                }
            }

            @Override
            public byte[] write(T value) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
                    o.writeObject(value);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot serialize a " + cls.getName(), e);
                }
                return bytes.toByteArray();
            }
        };
    }
}
