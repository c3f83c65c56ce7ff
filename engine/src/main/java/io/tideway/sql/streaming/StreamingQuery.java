package io.tideway.sql.streaming;

import io.tideway.sql.TidewaySession;

import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * A handle on a running streaming query, mirroring Spark's {@code StreamingQuery}. All methods
 * are thread-safe and may be called from any thread.
 */
public interface StreamingQuery {
    /** The name given by {@code queryName}, or null. */
    String name();

    /** Stable across restarts from the same checkpoint. */
    UUID id();

    /** New on every start. */
    UUID runId();

    TidewaySession sparkSession();

    boolean isActive();

    /**
     * The exception that ended the query, if it failed, as Spark's {@code scala.Option}
     * ({@code isDefined()}, {@code get()}, {@code getOrElse(() -> x)}).
     */
    scala.Option<StreamingQueryException> exception();

    StreamingQueryStatus status();

    /** Up to {@code spark.sql.streaming.numRecentProgressUpdates} (100) latest progress reports. */
    StreamingQueryProgress[] recentProgress();

    /** The latest progress report, or null before the first one. */
    StreamingQueryProgress lastProgress();

    void awaitTermination() throws StreamingQueryException;

    boolean awaitTermination(long timeoutMs) throws StreamingQueryException;

    /** Blocks until all data available at the time of the call has been processed (for tests). */
    void processAllAvailable() throws StreamingQueryException;

    void stop() throws TimeoutException;

    void explain();

    void explain(boolean extended);
}
