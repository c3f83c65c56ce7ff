package io.tideway.sql.streaming;

import java.util.UUID;

/**
 * Receives query lifecycle events, mirroring Spark's {@code StreamingQueryListener}. Callbacks run
 * on the session's listener-bus thread, one event at a time, in the order they were posted; a
 * query's started event always precedes its terminated event.
 */
public abstract class StreamingQueryListener {

    /**
     * Called when a query starts (and again at each restart, with a new run id). Unlike Spark,
     * which calls it on the thread of {@code start()} before {@code start()} returns, Tideway
     * delivers it on the listener thread like every other event, so it may run after
     * {@code start()} has returned.
     */
    public abstract void onQueryStarted(QueryStartedEvent event);

    /**
     * Called after each trigger's progress report: each micro-batch, and in continuous mode each
     * epoch. An idle query's reports are kept in {@code recentProgress()} but not posted here, as
     * in Spark.
     */
    public abstract void onQueryProgress(QueryProgressEvent event);

    /**
     * Called in Spark when a query has been idle for
     * {@code spark.sql.streaming.noDataProgressEventInterval}; Tideway does not post idle events
     * yet, so this default (which does nothing) is never called.
     */
    public void onQueryIdle(QueryIdleEvent event) {
    }

    /** Called once when a query stops, by {@code stop()} or by failing. */
    public abstract void onQueryTerminated(QueryTerminatedEvent event);

    /** Marker for all events. */
    public interface Event {
    }

    /** Posted before {@code start()} returns. */
    public static final class QueryStartedEvent implements Event {
        private final UUID id;
        private final UUID runId;
        private final String name;
        private final String timestamp;

        /**
         * The start of run {@code runId} of query {@code id}, named {@code name} (null if unnamed),
         * at {@code timestamp}.
         */
        public QueryStartedEvent(UUID id, UUID runId, String name, String timestamp) {
            this.id = id;
            this.runId = runId;
            this.name = name;
            this.timestamp = timestamp;
        }

        /** The query's id, the same across restarts from one checkpoint. */
        public UUID id() {
            return id;
        }

        /** The id of this run, new at every start. */
        public UUID runId() {
            return runId;
        }

        /** The query's name, or null when it has none. */
        public String name() {
            return name;
        }

        /** When the query started, in Spark's format ({@code 2024-01-01T00:00:00.000Z}). */
        public String timestamp() {
            return timestamp;
        }
    }

    /** Posted after each trigger that ran a batch (and at most every 10 s when idle). */
    public static final class QueryProgressEvent implements Event {
        private final StreamingQueryProgress progress;

        /** An event carrying one progress report. */
        public QueryProgressEvent(StreamingQueryProgress progress) {
            this.progress = progress;
        }

        /** The trigger's progress report. */
        public StreamingQueryProgress progress() {
            return progress;
        }
    }

    /** Posted for an idle trigger. */
    public static final class QueryIdleEvent implements Event {
        private final UUID id;
        private final UUID runId;
        private final String timestamp;

        /** Idleness of run {@code runId} of query {@code id} at {@code timestamp}. */
        public QueryIdleEvent(UUID id, UUID runId, String timestamp) {
            this.id = id;
            this.runId = runId;
            this.timestamp = timestamp;
        }

        /** The query's id. */
        public UUID id() {
            return id;
        }

        /** The id of the query's run. */
        public UUID runId() {
            return runId;
        }

        /** When the idle trigger started, in Spark's format. */
        public String timestamp() {
            return timestamp;
        }
    }

    /** Posted after the query stopped or failed; {@link #exception()} holds the failure message. */
    public static final class QueryTerminatedEvent implements Event {
        private final UUID id;
        private final UUID runId;
        private final String exception;

        /**
         * The end of run {@code runId} of query {@code id}; {@code exception} is the failure's
         * message, or null when the query was stopped.
         */
        public QueryTerminatedEvent(UUID id, UUID runId, String exception) {
            this.id = id;
            this.runId = runId;
            this.exception = exception;
        }

        /** The query's id. */
        public UUID id() {
            return id;
        }

        /** The id of the run that ended. */
        public UUID runId() {
            return runId;
        }

        /** The failure's message, if the query failed (Spark's {@code scala.Option<String>}). */
        public scala.Option<String> exception() {
            return scala.Option.apply(exception);
        }
    }
}
