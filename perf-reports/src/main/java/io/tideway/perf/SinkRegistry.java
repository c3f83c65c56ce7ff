package io.tideway.perf;

import org.HdrHistogram.Recorder;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

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
    private static final ConcurrentHashMap<String, AtomicLongArray> LATE_ROWS = new ConcurrentHashMap<>();
    /** A row this late or later is counted in {@link #lateRows}. */
    static final long LATE_NANOS = 20_000;
    /** {@link #lateRows}' buckets: one per ms since the row's epoch began, the last for 20 ms or more. */
    static final int EPOCH_AGE_BUCKETS = 21;

    private SinkRegistry() {
    }

    /** Latency in ns, 3 significant digits. */
    static Recorder recorder(String key) {
        return RECORDERS.computeIfAbsent(key, k -> new Recorder(HIGHEST_NANOS, 3));
    }

    static AtomicLong counter(String key) {
        return COUNTERS.computeIfAbsent(key, k -> new AtomicLong());
    }

    /**
     * Rows at least {@link #LATE_NANOS} late, by whole ms between their epoch's writer opening and
     * their arrival (the last bucket: {@code EPOCH_AGE_BUCKETS - 1} ms or more): late rows that
     * crowd the first buckets were held up by the epoch boundary.
     */
    static AtomicLongArray lateRows(String key) {
        return LATE_ROWS.computeIfAbsent(key, k -> new AtomicLongArray(EPOCH_AGE_BUCKETS));
    }

    /** Forgets a run's recorder and counters once its scenario has read them. */
    static void release(String key) {
        RECORDERS.remove(key);
        COUNTERS.remove(key);
        LATE_ROWS.remove(key);
    }
}
