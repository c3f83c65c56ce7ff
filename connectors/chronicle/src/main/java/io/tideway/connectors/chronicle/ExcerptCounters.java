package io.tideway.connectors.chronicle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a source's reader did with the excerpts it read: all of them, the corrupt ones (any
 * {@code mode}), and those {@code DROPMALFORMED} dropped. Single writer (the reader thread that
 * owns the partition, or successive worker threads of successive micro-batches, which the
 * executor orders); the fields are volatile so the query thread reads them for progress.
 */
final class ExcerptCounters {
    private volatile long excerpts;
    private volatile long corrupt;
    private volatile long dropped;

    /** Reader thread only (single writer: the volatile increment is not atomic, and needs not be). */
    void onExcerpt() {
        excerpts++;
    }

    void onCorrupt(boolean droppedToo) {
        corrupt++;
        if (droppedToo) {
            dropped++;
        }
    }

    long excerpts() {
        return excerpts;
    }

    long corrupt() {
        return corrupt;
    }

    long dropped() {
        return dropped;
    }

    /** The counters as progress metrics (Spark's {@code ReportsSourceMetrics} shape: name to decimal text). */
    Map<String, String> metrics() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("excerptsRead", Long.toString(excerpts));
        m.put("corruptExcerpts", Long.toString(corrupt));
        m.put("droppedExcerpts", Long.toString(dropped));
        return m;
    }
}
