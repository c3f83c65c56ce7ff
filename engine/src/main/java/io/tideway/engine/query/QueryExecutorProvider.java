package io.tideway.engine.query;

import io.tideway.sql.streaming.Trigger;

/**
 * An executor found through {@link java.util.ServiceLoader}: micro-batch for the default,
 * {@code ProcessingTime}, {@code Once} and {@code AvailableNow} triggers; continuous for
 * {@code Continuous}. The engine never imports an executor module. Stateless, thread-safe.
 */
public interface QueryExecutorProvider {
    boolean supports(Trigger trigger);

    /** Checks what only this executor knows (e.g. continuous mode's allowed operations) before start. */
    default void validate(QuerySpec spec) {
    }

    /** Creates the query; the manager starts it. */
    StreamExecution create(QuerySpec spec);
}
