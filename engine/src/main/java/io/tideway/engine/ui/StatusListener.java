package io.tideway.engine.ui;

import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryListener;
import io.tideway.sql.streaming.StreamingQueryManager;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps what the status page shows from the session's query events, as Spark's UI keeps its
 * streaming tab ({@code StreamingQueryStatusListener}): each running query's history and the last
 * {@code retainedQueries} ended ones. Threading: the events arrive on the session's listener-bus
 * thread, the only writer; the page's server thread reads. Both synchronise on this listener.
 */
final class StatusListener extends StreamingQueryListener {
    private final StreamingQueryManager queries;
    private final int retainedProgress;
    private final int retainedQueries;
    /** Running queries by run id, in start order. */
    private final Map<UUID, QueryHistory> running = new LinkedHashMap<>();
    /** Ended queries, the latest first. */
    private final ArrayDeque<QueryHistory> ended = new ArrayDeque<>();

    StatusListener(StreamingQueryManager queries, int retainedProgress, int retainedQueries) {
        this.queries = queries;
        this.retainedProgress = retainedProgress;
        this.retainedQueries = retainedQueries;
    }

    @Override
    public synchronized void onQueryStarted(QueryStartedEvent event) {
        QueryHistory h = new QueryHistory(event.id(), event.runId(), event.name(), event.timestamp(), retainedProgress);
        h.attach(queries.get(event.id())); // null when the run already ended: the page then knows only its message
        running.put(event.runId(), h);
    }

    @Override
    public synchronized void onQueryProgress(QueryProgressEvent event) {
        QueryHistory h = running.get(event.progress().runId());
        if (h != null) {
            h.add(event.progress());
        }
    }

    @Override
    public synchronized void onQueryTerminated(QueryTerminatedEvent event) {
        QueryHistory h = running.remove(event.runId());
        if (h == null) {
            return;
        }
        h.end(event.exception().isDefined() ? event.exception().get() : null);
        ended.addFirst(h);
        while (ended.size() > retainedQueries) {
            ended.removeLast();
        }
    }

    /** The running queries, in start order. */
    synchronized List<QueryHistory> running() {
        attachHandles();
        return new ArrayList<>(running.values());
    }

    /** Gives each running query's history its handle, which it lacks when its started event came before the query was listed. */
    private void attachHandles() {
        for (StreamingQuery q : queries.active()) {
            QueryHistory h = running.get(q.runId());
            if (h != null && !h.attached()) {
                h.attach(q);
            }
        }
    }

    /** The ended queries kept, the latest first. */
    synchronized List<QueryHistory> ended() {
        return new ArrayList<>(ended);
    }

    /** The run with run id {@code key}, else the latest run of the query with id {@code key}; null if none. */
    synchronized QueryHistory find(String key) {
        UUID id;
        try {
            id = UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
        attachHandles();
        QueryHistory h = running.get(id);
        if (h != null) {
            return h;
        }
        for (QueryHistory r : running.values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        for (QueryHistory e : ended) {
            if (e.runId().equals(id) || e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }
}
