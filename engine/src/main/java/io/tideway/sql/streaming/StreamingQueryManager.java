package io.tideway.sql.streaming;

import io.tideway.engine.query.QueryRegistry;

import java.util.List;
import java.util.UUID;

/**
 * The session's streaming queries, mirroring Spark's {@code StreamingQueryManager}: the active
 * ones ({@link #active()}, {@link #get}: null for a query no longer active), waiting for any to
 * end and forgetting those that did, and listeners. Thread-safe.
 */
public final class StreamingQueryManager {
    private final QueryRegistry registry;

    /**
     * The manager over a session's query registry; applications get theirs from
     * {@code TidewaySession.streams()}.
     */
    public StreamingQueryManager(QueryRegistry registry) {
        this.registry = registry;
    }

    /** The session's queries that are running now. */
    public StreamingQuery[] active() {
        return registry.active();
    }

    /** The active query with this {@code id}, or null when no active query has it. */
    public StreamingQuery get(UUID id) {
        return registry.get(id);
    }

    /**
     * The active query whose {@code id} is this UUID string, or null; a string that is not a UUID
     * throws {@code IllegalArgumentException}.
     */
    public StreamingQuery get(String id) {
        return registry.get(UUID.fromString(id));
    }

    /**
     * Waits until a query of this session terminates, or returns at once if one did since the
     * last {@link #resetTerminated()}; throws the exception of one that failed since then.
     */
    public void awaitAnyTermination() throws StreamingQueryException {
        registry.awaitAnyTermination(Long.MAX_VALUE);
    }

    /** As {@link #awaitAnyTermination()}, waiting at most {@code timeoutMs}; whether a query terminated. */
    public boolean awaitAnyTermination(long timeoutMs) throws StreamingQueryException {
        return registry.awaitAnyTermination(timeoutMs);
    }

    /**
     * Forgets the queries that have terminated, so that {@link #awaitAnyTermination()} waits for a
     * new one.
     */
    public void resetTerminated() {
        registry.resetTerminated();
    }

    /**
     * Registers a listener for the events of this session's queries. Events reach listeners on one
     * listener thread, in the order they were posted, never on a query's thread; an exception a
     * listener throws is logged and the other listeners still get the event, as in Spark.
     */
    public void addListener(StreamingQueryListener listener) {
        registry.bus().add(listener);
    }

    /** Unregisters a listener; events already queued may still reach it. */
    public void removeListener(StreamingQueryListener listener) {
        registry.bus().remove(listener);
    }

    /** The registered listeners, in registration order. */
    public StreamingQueryListener[] listListeners() {
        List<StreamingQueryListener> l = registry.bus().listeners();
        return l.toArray(new StreamingQueryListener[0]);
    }
}
