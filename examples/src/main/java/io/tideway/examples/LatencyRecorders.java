package io.tideway.examples;

import org.HdrHistogram.Recorder;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Named HdrHistogram recorders shared by a sink's writer copies and the thread that reports:
 * a {@code ForeachWriter} is serialized per partition and epoch, so it finds its recorder by name.
 */
final class LatencyRecorders {
    private static final ConcurrentHashMap<String, Recorder> RECORDERS = new ConcurrentHashMap<>();

    private LatencyRecorders() {
    }

    /** Nanosecond values up to an hour, 3 significant digits. */
    static Recorder get(String name) {
        return RECORDERS.computeIfAbsent(name, n -> new Recorder(3_600_000_000_000L, 3));
    }
}
