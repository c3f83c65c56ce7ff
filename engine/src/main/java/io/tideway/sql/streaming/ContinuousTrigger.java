package io.tideway.sql.streaming;

/** Continuous processing; the interval is how often epochs are checkpointed. */
public final class ContinuousTrigger extends Trigger {
    private final long intervalMs;

    ContinuousTrigger(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    public long intervalMs() {
        return intervalMs;
    }

    @Override
    public String toString() {
        return "ContinuousTrigger(" + intervalMs + ")";
    }
}
