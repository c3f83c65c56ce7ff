package io.tideway.sql.streaming;

import scala.Option;

/**
 * The state of one group in {@code mapGroupsWithState}/{@code flatMapGroupsWithState}, as Spark's
 * {@code GroupState}: read and change it during the call; changes are saved when the batch
 * commits. A timeout applies only if set again during each call.
 */
public interface GroupState<S> {
    boolean exists();

    /** The state; {@code NoSuchElementException} when there is none. */
    S get();

    /** The state as Spark's {@code scala.Option}: {@code Some(state)}, or {@code None} when there is none. */
    Option<S> getOption();

    void update(S newState);

    void remove();

    /** Whether this call is for a group whose timeout expired (its values iterator is empty). */
    boolean hasTimedOut();

    /** Processing-time timeout: the group times out once the batch time passes now + {@code durationMs}. */
    void setTimeoutDuration(long durationMs);

    /** Processing-time timeout as an interval string, e.g. {@code "10 seconds"}. */
    void setTimeoutDuration(String duration);

    /** Event-time timeout: the group times out once the watermark passes {@code timestampMs}. */
    void setTimeoutTimestamp(long timestampMs);

    void setTimeoutTimestamp(long timestampMs, String additionalDuration);

    void setTimeoutTimestamp(java.sql.Date timestamp);

    void setTimeoutTimestamp(java.sql.Date timestamp, String additionalDuration);

    long getCurrentWatermarkMs();

    long getCurrentProcessingTimeMs();
}
