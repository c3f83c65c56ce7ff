package io.tideway.engine.query;

import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.StreamingQueryListener;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * The session's active queries, the checks that keep two runs of one query apart, and the
 * executor lookup. Thread-safe: every method synchronises on this registry.
 */
public final class QueryRegistry implements StreamingQueryManagerHooks {
    private final ListenerBus bus = new ListenerBus();
    private final List<StreamExecution> active = new ArrayList<>();
    private StreamExecution lastTerminatedWithError;
    private StreamExecution lastTerminated;

    public ListenerBus bus() {
        return bus;
    }

    /** Finds the executor for the spec's trigger, creates the query, checks conflicts, starts it. */
    public StreamingQuery start(QuerySpec spec) {
        QueryExecutorProvider executor = executorFor(spec);
        executor.validate(spec);
        synchronized (this) {
            if (spec.name() != null) {
                for (StreamExecution q : active) {
                    if (spec.name().equals(q.name())) {
                        throw new IllegalArgumentException("Cannot start query with name " + spec.name()
                                + " as a query with that name is already active in this TidewaySession");
                    }
                }
            }
            StreamExecution query = executor.create(spec);
            for (StreamExecution q : active) {
                if (q.id().equals(query.id())) {
                    throw new IllegalStateException("Cannot start query with id " + query.id()
                            + " as another query with same id is already active. Perhaps you are attempting to restart a query from checkpoint that is already active.");
                }
            }
            active.add(query);
            query.start(this);
            return query;
        }
    }

    private static QueryExecutorProvider executorFor(QuerySpec spec) {
        for (QueryExecutorProvider p : ServiceLoader.load(QueryExecutorProvider.class)) {
            if (p.supports(spec.trigger())) {
                return p;
            }
        }
        throw new IllegalStateException("No executor supports trigger " + spec.trigger()
                + ": the executor module for it (tideway-microbatch or tideway-continuous) is not on the classpath"
                + " or does not implement this trigger yet");
    }

    public synchronized StreamingQuery[] active() {
        return active.toArray(new StreamingQuery[0]);
    }

    public synchronized StreamingQuery get(UUID id) {
        for (StreamExecution q : active) {
            if (q.id().equals(id)) {
                return q;
            }
        }
        return null;
    }

    @Override
    public void post(StreamingQueryListener.Event event) {
        bus.post(event);
    }

    @Override
    public synchronized void terminated(StreamExecution query, String errorMessage) {
        active.remove(query);
        lastTerminated = query;
        if (errorMessage != null) {
            lastTerminatedWithError = query;
        }
        bus.post(new StreamingQueryListener.QueryTerminatedEvent(query.id(), query.runId(), errorMessage));
        notifyAll();
    }

    public synchronized boolean awaitAnyTermination(long timeoutMs) throws StreamingQueryException {
        long deadline = timeoutMs <= 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeoutMs;
        while (lastTerminated == null) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.min(left, 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (lastTerminatedWithError != null && lastTerminatedWithError.exception().isPresent()) {
            throw lastTerminatedWithError.exception().get();
        }
        return true;
    }

    public synchronized void resetTerminated() {
        lastTerminated = null;
        lastTerminatedWithError = null;
    }

    /** Stops every active query (session stop). */
    public void stopAll() {
        for (StreamingQuery q : active()) {
            try {
                q.stop();
            } catch (java.util.concurrent.TimeoutException e) {
                // keep stopping the others
            }
        }
    }
}
