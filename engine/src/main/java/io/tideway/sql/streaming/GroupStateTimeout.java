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

    public static GroupStateTimeout NoTimeout() {
        return NO;
    }

    public static GroupStateTimeout ProcessingTimeTimeout() {
        return PROCESSING;
    }

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
