package io.tideway.sql.streaming;

/** Micro-batches on interval boundaries; interval 0 is the default "as soon as possible". */
public final class ProcessingTimeTrigger extends Trigger {
    private final long intervalMs;

    ProcessingTimeTrigger(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    public long intervalMs() {
        return intervalMs;
    }

    @Override
    public String toString() {
        return "ProcessingTimeTrigger(" + intervalMs + ")";
    }
}
