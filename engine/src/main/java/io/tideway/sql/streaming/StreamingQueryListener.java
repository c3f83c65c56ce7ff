package io.tideway.sql.streaming;

import java.util.UUID;

/**
 * Receives query lifecycle events, mirroring Spark's {@code StreamingQueryListener}. Callbacks run
 * on the session's listener-bus thread, one event at a time, in the order they were posted; a
 * query's started event always precedes its terminated event.
 */
public abstract class StreamingQueryListener {

    public abstract void onQueryStarted(QueryStartedEvent event);

    public abstract void onQueryProgress(QueryProgressEvent event);

    public void onQueryIdle(QueryIdleEvent event) {
    }

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

        public QueryStartedEvent(UUID id, UUID runId, String name, String timestamp) {
            this.id = id;
            this.runId = runId;
            this.name = name;
            this.timestamp = timestamp;
        }

        public UUID id() {
            return id;
        }

        public UUID runId() {
            return runId;
        }

        public String name() {
            return name;
        }

        public String timestamp() {
            return timestamp;
        }
    }

    /** Posted after each trigger that ran a batch (and at most every 10 s when idle). */
    public static final class QueryProgressEvent implements Event {
        private final StreamingQueryProgress progress;

        public QueryProgressEvent(StreamingQueryProgress progress) {
            this.progress = progress;
        }

        public StreamingQueryProgress progress() {
            return progress;
        }
    }

    /** Posted for an idle trigger. */
    public static final class QueryIdleEvent implements Event {
        private final UUID id;
        private final UUID runId;
        private final String timestamp;

        public QueryIdleEvent(UUID id, UUID runId, String timestamp) {
            this.id = id;
            this.runId = runId;
            this.timestamp = timestamp;
        }

        public UUID id() {
            return id;
        }

        public UUID runId() {
            return runId;
        }

        public String timestamp() {
            return timestamp;
        }
    }

    /** Posted after the query stopped or failed; {@link #exception()} holds the failure message. */
    public static final class QueryTerminatedEvent implements Event {
        private final UUID id;
        private final UUID runId;
        private final String exception;

        public QueryTerminatedEvent(UUID id, UUID runId, String exception) {
            this.id = id;
            this.runId = runId;
            this.exception = exception;
        }

        public UUID id() {
            return id;
        }

        public UUID runId() {
            return runId;
        }

        /** The failure's message, if the query failed (Spark's {@code scala.Option<String>}). */
        public scala.Option<String> exception() {
            return scala.Option.apply(exception);
        }
    }
}
