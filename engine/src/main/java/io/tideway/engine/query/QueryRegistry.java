package io.tideway.engine.query;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.engine.error.ErrorConditions;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.StreamingQueryListener;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's active queries, the checks that keep two runs of one query apart, and the
 * executor lookup. Thread-safe: every method synchronises on this registry, except that
 * {@link #start} stops a previous run between two synchronised steps and starts the new run
 * after registering it, outside the lock.
 */
public final class QueryRegistry implements StreamingQueryManagerHooks {
    private static final Logger LOG = LoggerFactory.getLogger(QueryRegistry.class);
    private final ListenerBus bus = new ListenerBus();
    private final List<StreamExecution> active = new ArrayList<>();
    private StreamExecution lastTerminatedWithError;
    private StreamExecution lastTerminated;

    public ListenerBus bus() {
        return bus;
    }

    /**
     * Finds the executor for the spec's trigger, creates the query, checks conflicts, starts it.
     * A run of the same query id (same checkpoint) that is still active is stopped first when
     * {@code spark.sql.streaming.stopActiveRunOnRestart} is true (Spark 3.0+'s default), and
     * refused otherwise; the stop happens outside the lock, since the stopping run reports its
     * end through this registry.
     */
    public StreamingQuery start(QuerySpec spec) {
        QueryExecutorProvider executor = executorFor(spec);
        executor.validate(spec);
        StreamExecution query;
        StreamExecution previousRun;
        synchronized (this) {
            if (spec.name() != null) {
                for (StreamExecution q : active) {
                    if (spec.name().equals(q.name())) {
                        // Spark's words: a ported program prints them
                        throw new IllegalArgumentException("Cannot start query with name " + spec.name()
                                + " as a query with that name is already active in this SparkSession");
                    }
                }
            }
            query = executor.create(spec);
            previousRun = activeRun(query.id());
            if (previousRun == null) {
                register(query);
            }
            if (!TidewayConf.STOP_ACTIVE_RUN_ON_RESTART.get(spec.session().conf())) {
                throw new IllegalStateException("Cannot start query with id " + query.id()
                        + " as another query with same id is already active. Perhaps you are attempting to restart a query from checkpoint that is already active.");
            }
        }
        if (previousRun == null) {
            return launch(query);
        }
        LOG.warn("Stopping existing streaming query [id={}, runId={}], as a new run is being started.",
                previousRun.id(), previousRun.runId());
        try {
            previousRun.stop();
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        synchronized (this) {
            if (activeRun(query.id()) != null) { // a concurrent start won the race after the stop
                throw new ConcurrentModificationException(ErrorConditions.message("CONCURRENT_QUERY", Map.of()));
            }
            register(query);
        }
        return launch(query);
    }

    private StreamExecution activeRun(UUID id) {
        for (StreamExecution q : active) {
            if (q.id().equals(id)) {
                return q;
            }
        }
        return null;
    }

    private void register(StreamExecution query) {
        active.add(query);
    }

    /**
     * Starts a registered query outside this registry's lock: {@code start()} waits for the
     * listeners' {@code onQueryStarted}, user code that may call back into this registry (as
     * Spark, which holds no lock there either).
     */
    private StreamingQuery launch(StreamExecution query) {
        try {
            query.start(this); // fails, naming the holder, if another query holds the checkpoint's lock
        } catch (RuntimeException e) {
            synchronized (this) {
                active.remove(query);
            }
            throw e;
        }
        return query;
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
        return activeRun(id);
    }

    @Override
    public void post(StreamingQueryListener.Event event) {
        bus.post(event);
    }

    @Override
    public void postNow(StreamingQueryListener.Event event) {
        bus.postNow(event);
    }

    @Override
    public synchronized void terminated(StreamExecution query, String errorMessage, String errorClass) {
        active.remove(query);
        lastTerminated = query;
        if (errorMessage != null) {
            lastTerminatedWithError = query;
        }
        bus.post(new StreamingQueryListener.QueryTerminatedEvent(query.id(), query.runId(), errorMessage, errorClass));
        notifyAll();
    }

    /**
     * Waits until a query terminated since the last {@link #resetTerminated} (returns true), at most
     * {@code timeoutMs} ({@link Long#MAX_VALUE}: no limit; zero or less: only checks, as Spark's);
     * throws the exception of a query that failed since then.
     */
    public synchronized boolean awaitAnyTermination(long timeoutMs) throws StreamingQueryException {
        long now = System.currentTimeMillis();
        long deadline = timeoutMs > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeoutMs;
        while (lastTerminated == null) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            try {
                wait(Math.min(left, 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (lastTerminatedWithError != null && lastTerminatedWithError.exception().isDefined()) {
            throw lastTerminatedWithError.exception().get();
        }
        return lastTerminated != null;
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
