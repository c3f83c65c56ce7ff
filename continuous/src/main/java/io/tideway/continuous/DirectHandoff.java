package io.tideway.continuous;

/**
 * Hands each slot straight to the task on the reader's own thread, as a Flink operator chain
 * runs its source's output: one slot, reused, no ring and no thread hand-off, so a row reaches the
 * sink in the time its operators take. Reading waits while the operators run, which is the
 * back-pressure. The task and its writer are the reader thread's (see {@link SlotHandoff}).
 */
final class DirectHandoff implements SlotHandoff {
    private final TaskHandler task;
    private final RingSlot slot;
    /** A sequence per hand-off, as the ring would number it. Reader thread. */
    private long sequence;

    DirectHandoff(TaskHandler task, RingSlot slot) {
        this.task = task;
        this.slot = slot;
    }

    @Override
    public RingSlot claim() {
        return slot;
    }

    @Override
    public void publish() {
        task.onEvent(slot, sequence++, true);
    }

    /** The open epoch's output is never committed: the task aborts its writer, on this thread. */
    @Override
    public void close(RingSlot claimed) {
        task.onShutdown();
    }
}
