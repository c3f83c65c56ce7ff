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

    /** Reads and writes objects of one encoder; owned by one thread. */
    interface Converter<T> {
        T read(RowReader row);

        void write(T value, RowWriter out);
    }

    @SuppressWarnings("unchecked")
    static <T> ObjectEncoder<T> of(Encoder<T> encoder) {
        if (encoder instanceof ObjectEncoder<T> oe) {
            return oe;
        }
        throw new IllegalArgumentException("Unsupported encoder " + encoder.getClass().getName());
    }
}
