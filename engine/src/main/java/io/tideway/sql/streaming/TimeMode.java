package io.tideway.sql.streaming;

import java.io.Serializable;

/**
 * The time a {@code transformWithState} processor's timers and TTL run on, as Spark's
 * {@code TimeMode}: none, the batches' processing time, or event time (the watermark).
 * Singletons, compared by identity; {@code toString} gives Spark's names ({@code NoTime},
 * {@code ProcessingTime}, {@code EventTime}), which its error messages print.
 */
public class TimeMode implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final TimeMode NONE = new TimeMode("NoTime");
    private static final TimeMode PROCESSING = new TimeMode("ProcessingTime");
    private static final TimeMode EVENT = new TimeMode("EventTime");
    private final String name;

    private TimeMode(String name) {
        this.name = name;
    }

    /** No timers and no TTL. */
    public static TimeMode None() {
        return NONE;
    }

    /** Timers fire, and TTL expires, on the batches' processing time. */
    public static TimeMode ProcessingTime() {
        return PROCESSING;
    }

    /** Timers fire on the watermark; the query needs one. */
    public static TimeMode EventTime() {
        return EVENT;
    }

    private Object readResolve() {
        return switch (name) {
            case "ProcessingTime" -> PROCESSING;
            case "EventTime" -> EVENT;
            default -> NONE;
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
