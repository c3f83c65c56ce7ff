package io.tideway.engine.expr;

/**
 * Values an expression may read that are fixed per batch or epoch, such as the batch
 * timestamp that {@code current_timestamp()} returns (so a re-run batch sees the same time).
 * Written by the thread that starts a batch before the batch's tasks run; read by them after.
 */
public final class EvalContext {
    private volatile long batchTimestampMicros;

    public long batchTimestampMicros() {
        return batchTimestampMicros;
    }

    public void setBatchTimestampMs(long ms) {
        this.batchTimestampMicros = ms * 1000L;
    }
}
