package io.tideway.sql.streaming;

import scala.Option;

/**
 * The state of one group in {@code mapGroupsWithState}/{@code flatMapGroupsWithState}, as Spark's
 * {@code GroupState}: read and change it during the call; changes are saved when the batch
 * commits. A timeout applies only if set again during each call.
 */
public interface GroupState<S> {
    /**
     * Whether the group has state: saved by an earlier batch or set by {@link #update} in this
     * call, and not removed since.
     */
    boolean exists();

    /** The state; {@code NoSuchElementException} when there is none. */
    S get();

    /** The state as Spark's {@code scala.Option}: {@code Some(state)}, or {@code None} when there is none. */
    Option<S> getOption();

    /**
     * Replaces the group's state; saved when the batch commits. A null state throws
     * {@code IllegalArgumentException} ("{@code 'null' is not a valid state value}"), as in Spark.
     */
    void update(S newState);

    /**
     * Drops the group's state; when the batch commits the group is forgotten (and its timeout with
     * it).
     */
    void remove();

    /** Whether this call is for a group whose timeout expired (its values iterator is empty). */
    boolean hasTimedOut();

    /** Processing-time timeout: the group times out once the batch time passes now + {@code durationMs}. */
    void setTimeoutDuration(long durationMs);

    /** Processing-time timeout as an interval string, e.g. {@code "10 seconds"}. */
    void setTimeoutDuration(String duration);

    /** Event-time timeout: the group times out once the watermark passes {@code timestampMs}. */
    void setTimeoutTimestamp(long timestampMs);

    /**
     * Event-time timeout at {@code timestampMs} plus {@code additionalDuration} (an interval string
     * such as {@code "1 hour"}); a negative duration throws {@code IllegalArgumentException}.
     */
    void setTimeoutTimestamp(long timestampMs, String additionalDuration);

    /** Event-time timeout at the time of {@code timestamp}. */
    void setTimeoutTimestamp(java.sql.Date timestamp);

    /** Event-time timeout at the time of {@code timestamp} plus {@code additionalDuration}. */
    void setTimeoutTimestamp(java.sql.Date timestamp, String additionalDuration);

    /**
     * The watermark of the current batch in epoch milliseconds. Without a watermark in the query it
     * throws {@code UnsupportedOperationException}
     * ("{@code Cannot get event time watermark timestamp without setting watermark before [map|flatMap]GroupsWithState.}"),
     * as in Spark.
     */
    long getCurrentWatermarkMs();

    /**
     * The processing time of the current batch in epoch milliseconds: the same for every group of a
     * batch, so that processing-time timeouts are decided consistently.
     */
    long getCurrentProcessingTimeMs();
}
