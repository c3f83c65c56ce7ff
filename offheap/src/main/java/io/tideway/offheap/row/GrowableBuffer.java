package io.tideway.offheap.row;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Off-heap memory behind one {@link UnsafeBuffer} that doubles on demand, freeing the old memory
 * at once. Every buffer on the data path is an {@code UnsafeBuffer}, so the row flyweights' buffer
 * calls stay monomorphic and inline. Not thread-safe; {@link #close()} frees the memory.
 */
public final class GrowableBuffer implements RowWriter.Growth, AutoCloseable {
    private final UnsafeBuffer buffer;
    private ByteBuffer memory;
    private int preserve;

    public GrowableBuffer(int initialCapacity) {
        memory = ByteBuffer.allocateDirect(Math.max(64, align(initialCapacity)));
        buffer = new UnsafeBuffer(memory);
    }

    private static int align(int n) {
        return (n + 63) & ~63;
    }

    /** The buffer; the same object for this buffer's whole life, even as its memory moves. */
    public UnsafeBuffer buffer() {
        return buffer;
    }

    /** How many leading bytes a growth must carry over (default: all). */
    public void preserve(int bytes) {
        this.preserve = bytes;
    }

    @Override
    public void ensureCapacity(int requiredEnd) {
        if (requiredEnd <= buffer.capacity()) {
            return;
        }
        long next = buffer.capacity();
        while (next < requiredEnd) {
            next *= 2;
        }
        if (next > Integer.MAX_VALUE - 64) {
            throw new IllegalStateException("buffer cannot grow past 2 GiB (needs " + requiredEnd + " bytes)");
        }
        ByteBuffer bigger = ByteBuffer.allocateDirect(align((int) next));
        new UnsafeBuffer(bigger).putBytes(0, buffer, 0, preserve > 0 ? Math.min(preserve, buffer.capacity()) : buffer.capacity());
        BufferUtil.free(memory);
        memory = bigger;
        buffer.wrap(bigger);
    }

    @Override
    public void close() {
        if (memory != null) {
            BufferUtil.free(memory);
            memory = null;
            buffer.wrap(new byte[0]);
        }
    }
}
