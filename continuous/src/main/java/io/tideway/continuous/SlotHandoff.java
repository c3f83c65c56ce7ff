package io.tideway.continuous;

/**
 * How a partition's reader hands the slots it fills to the partition's task: across a ring to a
 * task thread ({@link RingHandoff}), or straight into the task on the reader's own thread
 * ({@link DirectHandoff}). The reader alone calls it, on its thread; a slot is the reader's from
 * {@link #claim()} to {@link #publish()}.
 */
interface SlotHandoff {
    /** The next slot to fill (rows or a marker); blocks while the task has every slot (back-pressure). */
    RingSlot claim();

    /** Hands the slot last claimed to the task. */
    void publish();

    /** The reader ends: {@code claimed} is the slot it claimed and never published, or null. */
    void close(RingSlot claimed);
}
