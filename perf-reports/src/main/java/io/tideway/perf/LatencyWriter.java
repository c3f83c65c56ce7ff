package io.tideway.perf;

import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The W1 sink: records each row's latency, {@code System.nanoTime()} minus the row's intended
 * emission time (column {@code intendedColumn}), into the {@link SinkRegistry} recorder named
 * {@code key}, and stamps the first row's arrival ({@code System.nanoTime()}) in the counter
 * {@code key + ".first"} (the recovery scenario's clock). Measuring from the intended time counts
 * a stall against every row it delayed (no coordinated omission). A row {@link SinkRegistry#LATE_NANOS}
 * late or later is also counted by how long after its epoch's {@code open} it arrived
 * ({@link SinkRegistry#lateRows}). One copy per partition and epoch (continuous mode: per partition,
 * opened each epoch), used by that partition's task thread only.
 */
final class LatencyWriter extends ForeachWriter<Row> {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final int intendedColumn;
    private transient Recorder recorder;
    private transient AtomicLong firstRow;
    private transient AtomicLongArray lateRows;
    /** When this epoch's writer opened, {@code System.nanoTime()}. */
    private transient long openedNanos;

    LatencyWriter(String key, int intendedColumn) {
        this.key = key;
        this.intendedColumn = intendedColumn;
    }

    static String firstRowKey(String key) {
        return key + ".first";
    }

    @Override
    public boolean open(long partitionId, long epochId) {
        recorder = SinkRegistry.recorder(key);
        firstRow = SinkRegistry.counter(firstRowKey(key));
        lateRows = SinkRegistry.lateRows(key);
        openedNanos = System.nanoTime();
        return true;
    }

    @Override
    public void process(Row row) {
        long now = System.nanoTime();
        long latency = Math.max(0, now - row.getLong(intendedColumn));
        recorder.recordValue(latency);
        if (latency >= SinkRegistry.LATE_NANOS) {
            lateRows.incrementAndGet((int) Math.min(SinkRegistry.EPOCH_AGE_BUCKETS - 1, (now - openedNanos) / 1_000_000));
        }
        if (firstRow.get() == 0) {
            firstRow.compareAndSet(0, now);
        }
    }

    @Override
    public void close(Throwable errorOrNull) {
    }
}
