package io.tideway.engine.encoders;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Encoder;

/**
 * The engine's side of an {@link Encoder}: makes per-thread converters between objects and rows.
 * Implementations are immutable and thread-safe; their converters are not.
 */
public interface ObjectEncoder<T> extends Encoder<T> {
    Converter<T> newConverter();

    /** The class of {@code T}, which {@link #clsTag()} wraps. */
    Class<T> runtimeClass();

    @Override
    default scala.reflect.ClassTag<T> clsTag() {
        return scala.reflect.ClassTag$.MODULE$.apply(runtimeClass());
    }

    /** Reads and writes objects of one encoder; owned by one thread. */
    interface Converter<T> {
        T read(RowReader row);

        void write(T value, RowWriter out);
    }

    /**
     * Whether an object is one column's value, not a struct of columns, where Spark nests it (an
     * element of a tuple, a typed aggregate's result): primitives and the opaque binary encoders
     * ({@code javaSerialization}, {@code kryo}), not beans or tuples.
     */
    default boolean singleValue() {
        return false;
    }

    /** For a {@link #singleValue()} encoder: the object of that column's value as {@code Row.get} returns it. */
    default T fromColumnValue(Object value) {
        throw new UnsupportedOperationException(runtimeClass().getName() + " is not encoded as one value");
    }

    /** For a {@link #singleValue()} encoder: the column's value ({@code Row.get}'s form) of an object. */
    default Object toColumnValue(T object) {
        throw new UnsupportedOperationException(runtimeClass().getName() + " is not encoded as one value");
    }

    @SuppressWarnings("unchecked")
    static <T> ObjectEncoder<T> of(Encoder<T> encoder) {
        if (encoder instanceof ObjectEncoder<T> oe) {
            return oe;
        }
        throw new IllegalArgumentException("Unsupported encoder " + encoder.getClass().getName());
    }
}
