package io.tideway.engine.source.rate;

import io.tideway.engine.spi.PartitionReader;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.offheap.row.GrowableBuffer;

/**
 * Generates one {@link RateInputPartition}'s rows ({@code timestamp}, {@code value}) into one
 * reused off-heap buffer; allocates nothing per row.
 *
 * <p>Threading: owned by one worker thread.
 */
final class RatePartitionReader implements PartitionReader {
    static final int TIMESTAMP = 0;
    static final int VALUE = 1;
    /** With {@code includeIntendedNanoTime}: the intended time on {@code System.nanoTime()}'s scale. */
    static final int INTENDED_NANO_TIME = 2;

    private final RateInputPartition partition;
    private final RowWriter writer;
    private final GrowableBuffer scratch = new GrowableBuffer(64);
    /** The next value to emit; meaningful while {@link #exhausted} is false. Worker thread only. */
    private long next;
    private boolean exhausted;
    /** The intended time of the first row of the last read, on {@code nanoTime}'s scale. Worker thread only. */
    private long firstRowSourceNanoTime = UNKNOWN_SOURCE_TIME;

    RatePartitionReader(RateInputPartition partition) {
        this.partition = partition;
        this.writer = new RowWriter(partition.includeIntendedNanoTime() ? 3 : 2);
        this.next = partition.rangeStart() + partition.index();
        // compared as a difference so a range ending near Long.MAX_VALUE cannot overflow
        this.exhausted = partition.rangeEnd() - partition.rangeStart() <= partition.index();
    }

    @Override
    public int read(RowConsumer out, int maxRows) {
        if (exhausted) {
            return -1;
        }
        int emitted = 0;
        while (emitted < maxRows && !exhausted) {
            long v = next;
            long relativeMs = Math.round((v - partition.rangeStart()) * partition.msPerValue());
            writer.wrap(scratch.buffer(), 0, scratch);
            long timeMs = partition.startTimeMs() + relativeMs;
            writer.putLong(TIMESTAMP, timeMs * 1000L);
            writer.putLong(VALUE, v);
            long sourceNanoTime = partition.nanoTimeMinusEpochNanos() == RateInputPartition.NO_NANO_TIME
                    ? UNKNOWN_SOURCE_TIME : timeMs * 1_000_000L + partition.nanoTimeMinusEpochNanos();
            if (partition.includeIntendedNanoTime()) {
                writer.putLong(INTENDED_NANO_TIME, sourceNanoTime);
            }
            if (emitted == 0) {
                firstRowSourceNanoTime = sourceNanoTime;
            }
            out.accept(scratch.buffer(), 0, writer.finish());
            emitted++;
            if (partition.rangeEnd() - v <= partition.numPartitions()) {
                exhausted = true;
            } else {
                next = v + partition.numPartitions();
            }
        }
        return emitted;
    }

    @Override
    public long firstRowSourceNanoTime() {
        return firstRowSourceNanoTime;
    }
}
