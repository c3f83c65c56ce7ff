package io.tideway.sql.streaming;

/** One micro-batch over everything available, then stop. */
public final class OneTimeTrigger extends Trigger {
    static final OneTimeTrigger INSTANCE = new OneTimeTrigger();

    private OneTimeTrigger() {
    }

    @Override
    public String toString() {
        return "OneTimeTrigger";
    }
}
