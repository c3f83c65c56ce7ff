package io.tideway.engine.query;

import io.tideway.sql.streaming.StreamingQueryListener;

/** What a running query tells its manager: events to post and its termination. */
interface StreamingQueryManagerHooks {
    void post(StreamingQueryListener.Event event);

    /** Delivers {@code event} to the listeners on the calling thread before returning. */
    void postNow(StreamingQueryListener.Event event);

    /**
     * The query ended: {@code errorMessage} and {@code errorClass} (its failure's error condition)
     * are null when it was stopped.
     */
    void terminated(StreamExecution query, String errorMessage, String errorClass);
}
