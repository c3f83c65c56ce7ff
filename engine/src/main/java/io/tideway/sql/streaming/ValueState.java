package io.tideway.sql.streaming;

import java.io.Serializable;

/**
 * One value per grouping key, kept across batches by {@code transformWithState}, as Spark's
 * {@code ValueState}. Reads and writes apply to the key being processed.
 */
public interface ValueState<S> extends Serializable {
    boolean exists();

    /** The value, or null when there is none (or it expired). */
    S get();

    /** Sets the value; null is refused. */
    void update(S newState);

    void clear();
}
