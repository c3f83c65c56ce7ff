package io.tideway.perf;

import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The W1 sink: records each row's latency, {@code System.nanoTime()} minus the row's intended
 * emission time (column {@code intendedColumn}), into the {@link SinkRegistry} recorder named
 * {@code key}, and stamps the first row's arrival ({@code System.nanoTime()}) in the counter
 * {@code key + ".first"} (the recovery scenario's clock). Measuring from the intended time counts
 * a stall against every row it delayed (no coordinated omission). One copy per partition and
 * epoch, used by that partition's task thread only.
 */
final class LatencyWriter extends ForeachWriter<Row> {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final int intendedColumn;
    private transient Recorder recorder;
    private transient AtomicLong firstRow;

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
        return true;
    }

    @Override
    public void process(Row row) {
        long now = System.nanoTime();
        recorder.recordValue(Math.max(0, now - row.getLong(intendedColumn)));
        if (firstRow.get() == 0) {
            firstRow.compareAndSet(0, now);
        }
    }

    @Override
    public void close(Throwable errorOrNull) {
    }
}
