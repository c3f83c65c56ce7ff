package io.tideway.engine.expr;

import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.MapDescriptor;
import io.tideway.offheap.row.RowWriter;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Where a function that returns an array, a map or a struct builds it: a heap buffer, reused row after row,
 * holding the value at offset 0 in the row format's array layout, {@link MapDescriptor}'s map
 * layout or the row format (a struct). The value is valid until the next one is begun. One per call site (a generated
 * constant); not thread-safe.
 */
public final class CollectionOut implements RowWriter.Growth {
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final ArrayWriter first = new ArrayWriter();
    private final ArrayWriter second = new ArrayWriter();
    private RowWriter row;

    /** The buffer; the same object for this output's whole life, even as its memory grows. */
    public UnsafeBuffer buffer() {
        return buffer;
    }

    /** Starts an array of {@code count} elements; {@link ArrayWriter#finish()} gives its length. */
    public ArrayWriter array(int count) {
        return first.wrap(buffer, 0, count, this);
    }

    /** Starts a struct (a nested row) of {@code numFields} fields; {@link RowWriter#finish()} gives its length. */
    public RowWriter struct(int numFields) {
        if (row == null) {
            row = new RowWriter(numFields); // a call site writes structs of one shape
        }
        return row.wrap(buffer, 0, this);
    }

    /** Starts a map of {@code count} entries with its keys; then {@link #values}, then {@link #finishMap}. */
    public ArrayWriter keys(int count) {
        ensureCapacity(MapDescriptor.HEADER_LENGTH);
        return first.wrap(buffer, MapDescriptor.HEADER_LENGTH, count, this);
    }

    /** The values of the map begun with {@link #keys}, once every key is written. */
    public ArrayWriter values(int count) {
        int keys = first.finish();
        buffer.putLong(0, keys);
        return second.wrap(buffer, MapDescriptor.HEADER_LENGTH + keys, count, this);
    }

    /** The length of the map whose keys and values are written. */
    public int finishMap() {
        return MapDescriptor.HEADER_LENGTH + first.finish() + second.finish();
    }

    @Override
    public void ensureCapacity(int requiredEnd) {
        if (requiredEnd > buffer.capacity()) {
            byte[] bigger = new byte[Math.max(requiredEnd + 64, buffer.capacity() * 2)];
            buffer.getBytes(0, bigger, 0, buffer.capacity());
            buffer.wrap(bigger);
        }
    }
}
