package io.tideway.engine.exec;

import io.tideway.offheap.row.RowConsumer;

/**
 * One link of a fused operator chain: takes a row, does its work, pushes zero or more rows to
 * the next link. {@link #finish()} marks the end of a partition's input for this batch (or
 * epoch) and propagates down the chain. Owned by one task thread.
 */
public interface Operator extends RowConsumer {
    default void finish() {
    }

    /** Wraps a plain consumer (a sink writer, an exchange) as the chain's last link. */
    static Operator of(RowConsumer consumer) {
        if (consumer instanceof Operator op) {
            return op;
        }
        return consumer::accept;
    }
}
