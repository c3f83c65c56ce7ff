package io.tideway.connectors.chronicle;

import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import org.HdrHistogram.Recorder;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/** Records {@code nanoTime() - sentNanos} per row and the sequence numbers seen; static for serialized copies. */
public final class LatencyRecorder extends ForeachWriter<Row> {
    static final Recorder LATENCY = new Recorder(3);
    static final Set<Long> SEEN = ConcurrentHashMap.newKeySet();

    @Override
    public boolean open(long partitionId, long epochId) {
        return true;
    }

    @Override
    public void process(Row row) {
        long now = System.nanoTime();
        SEEN.add(row.getLong(0));
        LATENCY.recordValue(Math.max(0, now - row.getLong(1)));
    }

    @Override
    public void close(Throwable error) {
    }
}
