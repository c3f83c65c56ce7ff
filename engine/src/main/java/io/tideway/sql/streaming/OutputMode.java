package io.tideway.sql.streaming;

import io.tideway.SparkIllegalArgumentException;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * What a streaming query writes to its sink each trigger, mirroring Spark's {@code OutputMode}:
 * new rows only ({@link #Append()}), changed rows ({@link #Update()}) or the whole result
 * ({@link #Complete()}). Immutable singletons.
 */
public final class OutputMode implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final OutputMode APPEND = new OutputMode("Append");
    private static final OutputMode UPDATE = new OutputMode("Update");
    private static final OutputMode COMPLETE = new OutputMode("Complete");
    private final String name;

    private OutputMode(String name) {
        this.name = name;
    }

    /**
     * Only rows added to the result since the last trigger, each written once (the default); an
     * aggregation needs a watermark, and writes a group once the watermark passes it.
     */
    public static OutputMode Append() {
        return APPEND;
    }

    /** Only the rows of the result that changed since the last trigger. */
    public static OutputMode Update() {
        return UPDATE;
    }

    /** The whole result table every trigger; needs an aggregation in the query, as in Spark. */
    public static OutputMode Complete() {
        return COMPLETE;
    }

    /** Parses {@code append}, {@code update}, {@code complete} (any case), with Spark's error otherwise. */
    public static OutputMode fromString(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "append" -> APPEND;
            case "update" -> UPDATE;
            case "complete" -> COMPLETE;
            default -> throw new SparkIllegalArgumentException("STREAMING_OUTPUT_MODE.INVALID", Map.of("outputMode", mode));
        };
    }

    private Object readResolve() {
        return fromString(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
