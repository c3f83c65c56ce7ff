package io.tideway.sql.streaming;

import java.io.Serializable;

/** Which timeout the groups of a {@code [flat]MapGroupsWithState} may use, as Spark's {@code GroupStateTimeout}. */
public final class GroupStateTimeout implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final GroupStateTimeout NO = new GroupStateTimeout("NoTimeout");
    private static final GroupStateTimeout PROCESSING = new GroupStateTimeout("ProcessingTimeTimeout");
    private static final GroupStateTimeout EVENT = new GroupStateTimeout("EventTimeTimeout");
    private final String name;

    private GroupStateTimeout(String name) {
        this.name = name;
    }

    /** Groups never time out; {@code GroupState.setTimeout*} calls fail. */
    public static GroupStateTimeout NoTimeout() {
        return NO;
    }

    /**
     * A group times out when no row has arrived for it for the duration given to
     * {@link GroupState#setTimeoutDuration(long)}, measured on the processing-time clock of
     * batches.
     */
    public static GroupStateTimeout ProcessingTimeTimeout() {
        return PROCESSING;
    }

    /**
     * A group times out once the watermark passes the time given to
     * {@link GroupState#setTimeoutTimestamp(long)}; the query needs a watermark.
     */
    public static GroupStateTimeout EventTimeTimeout() {
        return EVENT;
    }

    private Object readResolve() {
        return switch (name) {
            case "ProcessingTimeTimeout" -> PROCESSING;
            case "EventTimeTimeout" -> EVENT;
            default -> NO;
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
