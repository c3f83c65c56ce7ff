package io.tideway.sql.streaming;

/** Continuous processing; the interval is how often epochs are checkpointed. */
public final class ContinuousTrigger extends Trigger {
    private final long intervalMs;

    ContinuousTrigger(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    /**
     * The epoch interval in milliseconds: how often the epoch coordinator commits offsets to the
     * checkpoint. Rows do not wait for it; they flow through as they arrive.
     */
    public long intervalMs() {
        return intervalMs;
    }

    @Override
    public String toString() {
        return "ContinuousTrigger(" + intervalMs + ")";
    }
}
