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

    /** The session that started this query. */
    TidewaySession sparkSession();

    /** Whether the query is running: true from {@code start()} until it stops or fails. */
    boolean isActive();

    /**
     * The exception that ended the query, if it failed, as Spark's {@code scala.Option}
     * ({@code isDefined()}, {@code get()}, {@code getOrElse(() -> x)}).
     */
    scala.Option<StreamingQueryException> exception();

    /** What the query is doing now (waiting for data, processing, stopped). */
    StreamingQueryStatus status();

    /** Up to {@code spark.sql.streaming.numRecentProgressUpdates} (100) latest progress reports. */
    StreamingQueryProgress[] recentProgress();

    /** The latest progress report, or null before the first one. */
    StreamingQueryProgress lastProgress();

    /**
     * Blocks until the query stops, by {@link #stop()} or by failing; if it failed, throws its
     * {@link StreamingQueryException}. Returns at once if the query has already ended (an interrupt
     * of the waiting thread also returns, with the thread's interrupt flag set).
     */
    void awaitTermination() throws StreamingQueryException;

    /**
     * As {@link #awaitTermination()}, waiting at most {@code timeoutMs}; returns whether the query
     * ended. A timeout that is not positive throws {@code IllegalArgumentException}
     * ("{@code requirement failed: Timeout has to be positive}"), as Spark.
     */
    boolean awaitTermination(long timeoutMs) throws StreamingQueryException;

    /** Blocks until all data available at the time of the call has been processed (for tests). */
    void processAllAvailable() throws StreamingQueryException;

    /**
     * Stops the query and waits for its threads to end, for at most
     * {@code spark.sql.streaming.stopTimeout} (0, the default, waits as long as it takes); throws
     * {@code TimeoutException} when they have not ended by then. Stopping a stopped query does
     * nothing.
     */
    void stop() throws TimeoutException;

    /** Prints the query's physical plan to standard output. */
    void explain();

    /**
     * Prints the query's physical plan to standard output. Unlike Spark, {@code extended = true}
     * does not add the logical plans: the physical plan is printed either way, in Tideway's own
     * operator names.
     */
    void explain(boolean extended);
}
