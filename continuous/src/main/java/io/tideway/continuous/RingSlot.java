package io.tideway.continuous;

import io.tideway.engine.spi.PartitionOffset;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One pre-allocated entry of a partition's Disruptor ring: either a batch of rows, packed in an
 * off-heap region of the ring's memory ({@link SlotLayout}), or an epoch marker carrying the
 * reader's offset at the end of that epoch. Written by the reader thread between claim and
 * publish, read by the task thread after; the ring's sequence barrier orders the two.
 */
final class RingSlot {
    static final int ROWS = 0;
    static final int MARKER = 1;

    /** The slot's region of the ring's memory; fixed for the ring's life. */
    final UnsafeBuffer rows = new UnsafeBuffer(new byte[0]);
    // Every field below: the reader thread's from claim to publish, the task thread's from then
    // until the task's sequence passes the slot (the ring's sequences order the hand-over).
    /** {@link #ROWS} or {@link #MARKER}. */
    int kind;
    int rowCount;
    /** Bytes of {@link #rows} the records use (reader thread's bookkeeping while it fills the slot). */
    int usedBytes;
    /** A marker's epoch: the one that ends at it. */
    long epoch;
    /** {@code System.nanoTime()} when the reader published a rows slot: the task measures the hop. */
    long publishedNanos;
    /** A rows slot's first row's source time ({@code System.nanoTime()} scale): the task measures end-to-end latency from it. */
    long sourceNanos;
    /** A marker's offset: the reader's position after the epoch's last row. */
    PartitionOffset offset;
}
