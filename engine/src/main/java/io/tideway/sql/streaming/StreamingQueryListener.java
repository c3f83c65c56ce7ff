package io.tideway.sql.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * Receives query lifecycle events, mirroring Spark's {@code StreamingQueryListener}.
 * {@link #onQueryStarted} runs on the query's own thread before {@code start()} returns; the other
 * callbacks run on the session's listener-bus thread, one event at a time, in the order they were
 * posted. A query's started event always precedes its other events.
 */
public abstract class StreamingQueryListener {

    /**
     * Called when a query starts (and again at each restart, with a new run id), as in Spark
     * synchronously with {@code start()}: on the query's thread ("stream execution thread for
     * ..."), which {@code start()} waits for, so every listener has run it before {@code start()}
     * returns. Do not block here: the query waits too.
     */
    public abstract void onQueryStarted(QueryStartedEvent event);

    /**
     * Called after each trigger's progress report: each micro-batch, and in continuous mode each
     * epoch. An idle query's reports are kept in {@code recentProgress()} but not posted here, as
     * in Spark; {@link #onQueryIdle} is called instead.
     */
    public abstract void onQueryProgress(QueryProgressEvent event);

    /**
     * Called when a micro-batch query has had no new data for
     * {@code spark.sql.streaming.noDataProgressEventInterval} (10 s by default) since its last
     * report, as in Spark 4: at most once per interval, and only once the query has reported a
     * batch or an earlier idle trigger (the first idle trigger after a start is only kept in
     * {@code recentProgress()}). Continuous queries do not post it. Does nothing by default.
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

        /** The event as one-line JSON: {@code id}, {@code runId}, {@code name}, {@code timestamp}. */
        public String json() {
            ObjectNode n = ids(id, runId);
            n.put("name", name);
            n.put("timestamp", timestamp);
            return ProgressJson.compact(n);
        }
    }

    /** Posted after each trigger that ran a batch. */
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

        /** The event as one-line JSON: the progress report under {@code progress}. */
        public String json() {
            ObjectNode n = ProgressJson.MAPPER.createObjectNode();
            n.set("progress", progress.jsonValue());
            return ProgressJson.compact(n);
        }
    }

    /** Posted for an idle trigger, at most once per {@code spark.sql.streaming.noDataProgressEventInterval}. */
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

        /** The event as one-line JSON: {@code id}, {@code runId}, {@code timestamp}. */
        public String json() {
            ObjectNode n = ids(id, runId);
            n.put("timestamp", timestamp);
            return ProgressJson.compact(n);
        }
    }

    /** Posted after the query stopped or failed; {@link #exception()} holds the failure message. */
    public static final class QueryTerminatedEvent implements Event {
        private final UUID id;
        private final UUID runId;
        private final String exception;
        private final String errorClassOnException;

        /**
         * The end of run {@code runId} of query {@code id}; {@code exception} is the failure's
         * message, or null when the query was stopped.
         */
        public QueryTerminatedEvent(UUID id, UUID runId, String exception) {
            this(id, runId, exception, null);
        }

        /**
         * {@link #QueryTerminatedEvent(UUID, UUID, String)} with the failure's error condition,
         * null when the query was stopped or its failure has none.
         */
        public QueryTerminatedEvent(UUID id, UUID runId, String exception, String errorClassOnException) {
            this.id = id;
            this.runId = runId;
            this.exception = exception;
            this.errorClassOnException = errorClassOnException;
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

        /**
         * The failure's error condition (such as {@code DIVIDE_BY_ZERO}), if the query failed with
         * an error of Spark's error framework (Spark's {@code scala.Option<String>}).
         */
        public scala.Option<String> errorClassOnException() {
            return scala.Option.apply(errorClassOnException);
        }

        /** The event as one-line JSON: {@code id}, {@code runId}, {@code exception}, {@code errorClassOnException}. */
        public String json() {
            ObjectNode n = ids(id, runId);
            n.put("exception", exception);
            n.put("errorClassOnException", errorClassOnException);
            return ProgressJson.compact(n);
        }
    }

    private static ObjectNode ids(UUID id, UUID runId) {
        ObjectNode n = ProgressJson.MAPPER.createObjectNode();
        n.put("id", id.toString());
        n.put("runId", runId.toString());
        return n;
    }
}
