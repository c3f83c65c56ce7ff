package io.tideway.sql.streaming;

/** Micro-batches on interval boundaries; interval 0 is the default "as soon as possible". */
public final class ProcessingTimeTrigger extends Trigger {
    private final long intervalMs;

    ProcessingTimeTrigger(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    /**
     * The interval between micro-batch starts in milliseconds; 0 starts the next batch as soon as
     * the previous one ends.
     */
    public long intervalMs() {
        return intervalMs;
    }

    @Override
    public String toString() {
        return "ProcessingTimeTrigger(" + intervalMs + ")";
    }
}
