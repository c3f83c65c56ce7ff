package io.tideway.continuous;

import com.lmax.disruptor.RingBuffer;

/**
 * Hands slots over a Disruptor ring to a task on its own thread: reading and processing overlap,
 * at the cost of a thread hand-off per slot. Reader thread only (see {@link SlotHandoff}).
 */
final class RingHandoff implements SlotHandoff {
    private final RingBuffer<RingSlot> ring;
    /** The sequence of the slot claimed last. Reader thread. */
    private long sequence = -1;

    RingHandoff(RingBuffer<RingSlot> ring) {
        this.ring = ring;
    }

    @Override
    public RingSlot claim() {
        sequence = ring.next();
        return ring.get(sequence);
    }

    @Override
    public void publish() {
        ring.publish(sequence);
    }

    /** A claimed sequence is published empty: the task would wait on it forever otherwise. */
    @Override
    public void close(RingSlot claimed) {
        if (claimed != null) {
            claimed.kind = RingSlot.ROWS;
            claimed.rowCount = 0;
            ring.publish(sequence);
        }
    }
}
