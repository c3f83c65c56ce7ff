package io.tideway.sql.streaming;

/** Micro-batches honouring rate limits until the data available at start is processed, then stop. */
public final class AvailableNowTrigger extends Trigger {
    static final AvailableNowTrigger INSTANCE = new AvailableNowTrigger();

    private AvailableNowTrigger() {
    }

    @Override
    public String toString() {
        return "AvailableNowTrigger";
    }
}
