package io.tideway.microbatch.stateful;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.microbatch.stateful.TransformStateLayout.Element;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.Map;

/**
 * What the state variables of a {@code transformWithState} processor share: their record for the
 * grouping key being processed ({@link ProcessorHandle}), their values' encoding, and TTL (an
 * element whose expiry the batch time has reached is gone, as Spark's {@code StateTTL.isExpired}).
 * Task thread only.
 */
abstract class StoredVariable {
    final ProcessorHandle handle;
    final String stateName;
    private final byte kind;
    private final byte[] name;
    /** The TTL in ms, or 0 for none. */
    private final long ttlMs;

    StoredVariable(ProcessorHandle handle, String stateName, byte kind, long ttlMs) {
        this.handle = handle;
        this.stateName = stateName;
        this.kind = kind;
        this.name = TransformStateLayout.name(stateName);
        this.ttlMs = ttlMs;
    }

    boolean hasTtl() {
        return ttlMs > 0;
    }

    /** Whether the current key has a live element: {@code exists()} of every state kind. */
    public final boolean exists() {
        return !read().isEmpty();
    }

    /** The current key's live elements (expired ones left out). */
    final List<Element> read() {
        List<Element> all = handle.read(kind, name, kind == TransformStateLayout.MAP);
        all.removeIf(e -> handle.isExpired(e.expiryMs()));
        return all;
    }

    /** Replaces the current key's elements; no elements removes the record. */
    final void write(List<Element> elements) {
        handle.write(kind, name, elements);
    }

    /** The expiry of an element written now. */
    final long expiry() {
        return ttlMs > 0 ? handle.batchTimestampMs() + ttlMs : TransformStateLayout.NO_EXPIRY;
    }

    /** Spark's {@code ILLEGAL_STATE_STORE_VALUE.NULL_VALUE}. */
    final void requireNonNull(Object value) {
        if (value == null) {
            throw new SparkIllegalArgumentException("ILLEGAL_STATE_STORE_VALUE.NULL_VALUE", Map.of("stateName", stateName));
        }
    }

    /** Encodes and decodes one type of object as the rows records hold. Task thread only. */
    static final class Codec {
        @SuppressWarnings("rawtypes")
        private final ObjectEncoder.Converter converter;
        private final GrowableBuffer memory = new GrowableBuffer(64);
        private final RowWriter writer;
        private final RowReader reader;

        Codec(ObjectEncoder<?> encoder) {
            this.converter = encoder.newConverter();
            this.writer = new RowWriter(encoder.schema().length());
            this.reader = new RowReader(encoder.schema().length());
        }

        @SuppressWarnings("unchecked")
        byte[] encode(Object value) {
            writer.wrap(memory.buffer(), 0, memory);
            converter.write(value, writer);
            byte[] out = new byte[writer.finish()];
            memory.buffer().getBytes(0, out);
            return out;
        }

        Object decode(byte[] row) {
            return converter.read(reader.wrap(new UnsafeBuffer(row), 0, row.length));
        }
    }
}
