package io.tideway.perf;

import org.HdrHistogram.Recorder;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Named recorders and counters shared by a sink's writer copies and the scenario thread that
 * reads them: a {@code ForeachWriter} is serialized afresh per partition and epoch, so a writer
 * holds only a key and looks its recorder or counter up in {@code open}. Thread-safe.
 */
final class SinkRegistry {
    /** Highest latency recorded, ns: an hour. */
    static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private static final ConcurrentHashMap<String, Recorder> RECORDERS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();

    private SinkRegistry() {
    }

    /** Latency in ns, 3 significant digits. */
    static Recorder recorder(String key) {
        return RECORDERS.computeIfAbsent(key, k -> new Recorder(HIGHEST_NANOS, 3));
    }

    static AtomicLong counter(String key) {
        return COUNTERS.computeIfAbsent(key, k -> new AtomicLong());
    }

    /** Forgets a run's recorder and counter once its scenario has read them. */
    static void release(String key) {
        RECORDERS.remove(key);
        COUNTERS.remove(key);
    }
}
