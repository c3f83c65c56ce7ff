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

    public StreamingQueryManager(QueryRegistry registry) {
        this.registry = registry;
    }

    public StreamingQuery[] active() {
        return registry.active();
    }

    public StreamingQuery get(UUID id) {
        return registry.get(id);
    }

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

    public void resetTerminated() {
        registry.resetTerminated();
    }

    public void addListener(StreamingQueryListener listener) {
        registry.bus().add(listener);
    }

    public void removeListener(StreamingQueryListener listener) {
        registry.bus().remove(listener);
    }

    public StreamingQueryListener[] listListeners() {
        List<StreamingQueryListener> l = registry.bus().listeners();
        return l.toArray(new StreamingQueryListener[0]);
    }
}
