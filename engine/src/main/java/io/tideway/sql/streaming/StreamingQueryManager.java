package io.tideway.sql.streaming;

import io.tideway.engine.query.QueryRegistry;

import java.util.List;
import java.util.UUID;

/** The session's streaming queries, mirroring Spark's {@code StreamingQueryManager}. Thread-safe. */
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

    public void awaitAnyTermination() throws StreamingQueryException {
        registry.awaitAnyTermination(0);
    }

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
