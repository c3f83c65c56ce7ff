package io.tideway.sql.streaming;

import java.io.Serializable;

/** The timer a {@code handleExpiredTimer} call is for, as Spark's {@code ExpiredTimerInfo}. */
public interface ExpiredTimerInfo extends Serializable {
    /** The time the timer was registered for, in epoch milliseconds. */
    long getExpiryTimeInMs();
}
