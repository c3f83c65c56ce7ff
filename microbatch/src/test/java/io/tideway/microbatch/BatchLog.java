package io.tideway.microbatch;

import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each {@code foreachBatch} call of a test query saw, by batch id. The function that records
 * into it may be serialized, so entries live in a static registry under this log's name. The
 * reading side ({@link #newRows}) remembers which batches a test has looked at.
 */
final class BatchLog implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Map<Long, List<String>>> LOGS = new ConcurrentHashMap<>();
    private final String name = UUID.randomUUID().toString();
    private transient long seenUpTo = -1;

    void record(long batchId, List<String> rows) {
        LOGS.computeIfAbsent(name, k -> new ConcurrentHashMap<>()).put(batchId, List.copyOf(rows));
    }

    /** Every batch so far, by id. */
    Map<Long, List<String>> batches() {
        return new TreeMap<>(LOGS.getOrDefault(name, Map.of()));
    }

    /** Rows of the batches that ran since the last call, sorted (a data batch may be followed by a no-data one). */
    List<String> newRows() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Long, List<String>> e : batches().entrySet()) {
            if (e.getKey() > seenUpTo) {
                out.addAll(e.getValue());
                seenUpTo = e.getKey();
            }
        }
        out.sort(null);
        return out;
    }

    /** {@link #newRows()} as a set, for outputs whose duplicates do not matter. */
    java.util.Set<String> newRowSet() {
        return new java.util.TreeSet<>(newRows());
    }

    void clear() {
        LOGS.remove(name);
        seenUpTo = -1;
    }

    /** The progress of the last batch that read rows (a no-data batch may have run after it). */
    static StreamingQueryProgress lastDataBatch(StreamingQuery q) {
        StreamingQueryProgress[] all = q.recentProgress();
        for (int i = all.length - 1; i >= 0; i--) {
            if (all[i].numInputRows() > 0) {
                return all[i];
            }
        }
        throw new AssertionError("no batch read rows");
    }
}
