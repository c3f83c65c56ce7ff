package io.tideway.examples;

import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import org.HdrHistogram.Recorder;

/**
 * A sink that records each row's latency, {@code System.nanoTime()} minus the row's intended
 * emission time (column {@code intendedNanoTime} of the paced rate source), into a named recorder.
 * Measuring from the intended time means a stall is counted for every row it delayed
 * (no coordinated omission).
 */
final class LatencySink extends ForeachWriter<Row> {
    private static final long serialVersionUID = 1L;
    private final String recorderName;
    private final int intendedColumn;
    private transient Recorder recorder;

    LatencySink(String recorderName, int intendedColumn) {
        this.recorderName = recorderName;
        this.intendedColumn = intendedColumn;
    }

    @Override
    public boolean open(long partitionId, long epochId) {
        recorder = LatencyRecorders.get(recorderName);
        return true;
    }

    @Override
    public void process(Row row) {
        recorder.recordValue(Math.max(0, System.nanoTime() - row.getLong(intendedColumn)));
    }

    @Override
    public void close(Throwable errorOrNull) {
    }
}
