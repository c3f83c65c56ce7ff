package io.tideway.offheap.row;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;


/**
 * An append-only batch of rows in one growable off-heap buffer: the unit in which a micro-batch
 * moves rows between stages. Each record is {@code [int length][int 0][row bytes, padded to 8]}.
 * The buffer ({@link GrowableBuffer}) doubles when full and frees the old memory at once
 * (leaving it to the GC makes {@code ByteBuffer.allocateDirect} stall in its reservation back-off).
 * {@link #clear()} keeps the memory, so a reused arena allocates nothing in steady state;
 * {@link #close()} frees it. Not thread-safe: one writer, then readers once writing is done.
 */
public final class RowArena implements AutoCloseable {
    private static final int HEADER = 8;
    private final GrowableBuffer memory;
    private final UnsafeBuffer buffer;
    private int tail;
    private int count;
    private int open = -1;

    public RowArena() {
        this(64 * 1024);
    }

    public RowArena(int initialCapacity) {
        memory = new GrowableBuffer(initialCapacity);
        buffer = memory.buffer();
    }

    private void ensureCapacity(int requiredEnd) {
        memory.ensureCapacity(requiredEnd);
    }

    /**
     * Starts a new row; write it through {@code writer}, then call {@link #endRow}. The arena
     * grows as the writer needs (the writer is told how through {@link RowWriter#wrap(MutableDirectBuffer, int, RowWriter.Growth)}).
     */
    public RowWriter beginRow(RowWriter writer) {
        open = tail;
        ensureCapacity(tail + HEADER + writer.fixedLength() + 64);
        return writer.wrap(buffer, tail + HEADER, memory);
    }

    public void endRow(RowWriter writer) {
        int length = writer.finish();
        buffer.putInt(open, length);
        buffer.putInt(open + 4, 0);
        tail = open + HEADER + RowDescriptor.align8(length);
        count++;
        open = -1;
    }

    /** Copies a finished row into the arena. */
    public void append(DirectBuffer src, int offset, int length) {
        ensureCapacity(tail + HEADER + RowDescriptor.align8(length));
        buffer.putInt(tail, length);
        buffer.putInt(tail + 4, 0);
        ByteCopy.copy(buffer, tail + HEADER, src, offset, length);
        tail += HEADER + RowDescriptor.align8(length);
        count++;
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public long sizeBytes() {
        return tail;
    }

    /** The arena's memory; valid until the next append (which may move it). */
    public MutableDirectBuffer buffer() {
        return buffer;
    }

    /** Hands every row to {@code consumer} in insertion order. */
    public void forEach(RowConsumer consumer) {
        int at = 0;
        while (at < tail) {
            int length = buffer.getInt(at);
            consumer.accept(buffer, at + HEADER, length);
            at += HEADER + RowDescriptor.align8(length);
        }
    }

    /** Position of the first record, for pull-style iteration with {@link #next}; -1 if empty. */
    public int first() {
        return tail == 0 ? -1 : 0;
    }

    public int next(int position) {
        int n = position + HEADER + RowDescriptor.align8(buffer.getInt(position));
        return n < tail ? n : -1;
    }

    public int rowOffset(int position) {
        return position + HEADER;
    }

    public int rowLength(int position) {
        return buffer.getInt(position);
    }

    public void clear() {
        tail = 0;
        count = 0;
    }

    /** Frees the memory; the arena must not be used afterwards. Idempotent. */
    @Override
    public void close() {
        memory.close();
        tail = 0;
        count = 0;
    }
}
