package io.tideway.engine.exec;

import io.tideway.engine.util.Durations;
import io.tideway.sql.streaming.GroupState;
import io.tideway.sql.streaming.GroupStateTimeout;

import java.util.NoSuchElementException;
import scala.Option;

/**
 * The {@link GroupState} handed to one call of a {@code [flat]MapGroupsWithState} function, with
 * Spark's rules and messages. The timeout starts unset on every call, so a function that wants
 * one keeps setting it (Spark's semantics). Used by one task thread: a micro-batch's reduce
 * task, or the run of a static Dataset's ({@link GroupsWithStateRunner}).
 */
public final class GroupStateImpl<S> implements GroupState<S> {
    public static final long NO_TIMESTAMP = -1L;
    private final GroupStateTimeout timeoutConf;
    private final long batchProcessingTimeMs;
    private final long watermarkMs;
    private final boolean watermarkPresent;
    private final boolean timedOut;
    private S value;
    private boolean defined;
    private boolean updated;
    private boolean removed;
    private long timeoutTimestampMs = NO_TIMESTAMP;

    public GroupStateImpl(S value, GroupStateTimeout timeoutConf, long batchProcessingTimeMs, long watermarkMs,
                   boolean watermarkPresent, boolean timedOut) {
        this.value = value;
        this.defined = value != null;
        this.timeoutConf = timeoutConf;
        this.batchProcessingTimeMs = batchProcessingTimeMs;
        this.watermarkMs = watermarkMs;
        this.watermarkPresent = watermarkPresent;
        this.timedOut = timedOut;
    }

    @Override
    public boolean exists() {
        return defined;
    }

    @Override
    public S get() {
        if (!defined) {
            throw new NoSuchElementException("State is either not defined or has already been removed");
        }
        return value;
    }

    @Override
    public Option<S> getOption() {
        return defined ? Option.apply(value) : Option.empty();
    }

    @Override
    public void update(S newState) {
        if (newState == null) {
            throw new IllegalArgumentException("'null' is not a valid state value");
        }
        value = newState;
        defined = true;
        updated = true;
        removed = false;
    }

    @Override
    public void remove() {
        value = null;
        defined = false;
        updated = false;
        removed = true;
    }

    @Override
    public boolean hasTimedOut() {
        return timedOut;
    }

    @Override
    public void setTimeoutDuration(long durationMs) {
        if (timeoutConf != GroupStateTimeout.ProcessingTimeTimeout()) {
            throw new UnsupportedOperationException(
                    "Cannot set timeout duration without enabling processing time timeout in [map|flatMap]GroupsWithState.");
        }
        if (durationMs <= 0) {
            throw new IllegalArgumentException("Timeout duration must be positive");
        }
        timeoutTimestampMs = batchProcessingTimeMs + durationMs;
    }

    @Override
    public void setTimeoutDuration(String duration) {
        setTimeoutDuration(parse(duration));
    }

    @Override
    public void setTimeoutTimestamp(long timestampMs) {
        if (timeoutConf != GroupStateTimeout.EventTimeTimeout()) {
            throw new UnsupportedOperationException(
                    "Cannot set timeout timestamp without enabling event time timeout in [map|flatMapGroupsWithState.");
        }
        if (timestampMs <= 0) {
            throw new IllegalArgumentException("Timeout timestamp must be positive");
        }
        if (watermarkPresent && timestampMs < watermarkMs) {
            throw new IllegalArgumentException("Timeout timestamp (" + timestampMs + ") cannot be earlier than the current watermark ("
                    + watermarkMs + ")");
        }
        timeoutTimestampMs = timestampMs;
    }

    @Override
    public void setTimeoutTimestamp(long timestampMs, String additionalDuration) {
        setTimeoutTimestamp(timestampMs + parse(additionalDuration));
    }

    @Override
    public void setTimeoutTimestamp(java.sql.Date timestamp) {
        setTimeoutTimestamp(timestamp.getTime());
    }

    @Override
    public void setTimeoutTimestamp(java.sql.Date timestamp, String additionalDuration) {
        setTimeoutTimestamp(timestamp.getTime() + parse(additionalDuration));
    }

    /** Spark's {@code parseDuration}: a negative duration is refused here, zero is left to the caller's own check. */
    private static long parse(String duration) {
        String trimmed = duration.trim();
        if (trimmed.startsWith("-")) { // Durations parses non-negative intervals only
            if (Durations.parseInterval(trimmed.substring(1)) > 0) { // still refuses what is no interval at all
                throw new IllegalArgumentException("Provided duration (" + duration + ") is negative");
            }
            return 0;
        }
        return Durations.parseInterval(duration);
    }

    @Override
    public long getCurrentWatermarkMs() {
        if (!watermarkPresent) {
            throw new UnsupportedOperationException(
                    "Cannot get event time watermark timestamp without setting watermark before [map|flatMap]GroupsWithState.");
        }
        return watermarkMs;
    }

    @Override
    public long getCurrentProcessingTimeMs() {
        return batchProcessingTimeMs;
    }

    public boolean isUpdated() {
        return updated;
    }

    public boolean isRemoved() {
        return removed;
    }

    public long timeoutTimestampMs() {
        return timeoutTimestampMs;
    }

    @Override
    public String toString() {
        return "GroupState(" + (defined ? value : "<undefined>") + ")";
    }
}
