package io.tideway.engine.source.rate;

import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;

/**
 * One continuous rate partition: emits every row whose intended time has passed, never waits
 * (the reader thread's idle strategy does), and writes each row into one reused off-heap buffer,
 * so {@link #poll} allocates nothing. Row k after the start offset is due {@code k} periods of
 * {@code numPartitions * 1e9 / rowsPerSecond} ns after the offset's time ({@link RatePacer}).
 *
 * <p>Two pacing clocks. Default: the wall clock in ms, read once per poll, and the schedule
 * starts at the offset's {@code runTimeMs} (Spark's). {@code exactPacing}: {@code System.nanoTime()},
 * and the schedule starts when this reader is created, mapped to the wall clock once, so the
 * {@code timestamp} column is that precise schedule at µs resolution. Either way {@code timestamp}
 * is the intended time, so {@code sink time - timestamp} is the latency without coordinated
 * omission; the optional {@code intendedNanoTime} column is the same instant on
 * {@code System.nanoTime()}'s scale, for latency in ns within the JVM.
 *
 * <p>Threading: owned by one reader thread; every field is reader thread only.
 */
final class RateContinuousReader implements ContinuousPartitionReader {
    private final RateClock clock;
    private final boolean exactPacing;
    private final boolean includeIntendedNanoTime;
    private final int numPartitions;
    private final RatePacer pacer;
    /** Adds to a pacing-clock time to give ns since the epoch. */
    private final long pacingToEpochNanos;
    /** Adds to a pacing-clock time to give {@code System.nanoTime()}'s scale. */
    private final long pacingToNanoTime;
    private final RowWriter writer;
    private final GrowableBuffer scratch = new GrowableBuffer(64);
    /** Last value emitted (or the start offset's). */
    private long lastValue;
    /** Intended time of {@link #lastValue}, ms since the epoch. */
    private long lastRunTimeMs;

    RateContinuousReader(RateSourceOptions options, int partition, RatePartitionOffset start, RateClock clock) {
        this.clock = clock;
        this.exactPacing = options.exactPacing();
        this.includeIntendedNanoTime = options.includeIntendedNanoTime();
        this.numPartitions = options.numPartitions();
        this.writer = new RowWriter(includeIntendedNanoTime ? 3 : 2);
        this.lastValue = start.value();
        this.lastRunTimeMs = start.runTimeMs();
        long epochNanos = clock.epochNanos();
        long nanoTime = clock.nanoTime();
        long startNanos;
        if (exactPacing) {
            pacingToEpochNanos = epochNanos - nanoTime;
            pacingToNanoTime = 0;
            startNanos = nanoTime;
        } else {
            pacingToEpochNanos = 0;
            pacingToNanoTime = nanoTime - epochNanos;
            startNanos = start.runTimeMs() * 1_000_000L;
        }
        this.pacer = new RatePacer(options.rowsPerSecond(), numPartitions, startNanos);
        pacer.advance();
    }

    @Override
    public int poll(RowConsumer out, int maxRows) {
        long now = exactPacing ? clock.nanoTime() : clock.currentTimeMillis() * 1_000_000L;
        int emitted = 0;
        while (emitted < maxRows && pacer.due() - now <= 0) {
            long due = pacer.due();
            long epochNanos = due + pacingToEpochNanos;
            long value = lastValue + numPartitions;
            writer.wrap(scratch.buffer(), 0, scratch);
            writer.putLong(RatePartitionReader.TIMESTAMP, Math.floorDiv(epochNanos, 1000L));
            writer.putLong(RatePartitionReader.VALUE, value);
            if (includeIntendedNanoTime) {
                writer.putLong(RatePartitionReader.INTENDED_NANO_TIME, due + pacingToNanoTime);
            }
            out.accept(scratch.buffer(), 0, writer.finish());
            lastValue = value;
            lastRunTimeMs = Math.floorDiv(epochNanos, 1_000_000L);
            pacer.advance();
            emitted++;
        }
        return emitted;
    }

    /** When the next row is due, ns on the pacing clock (wall ns, or {@code System.nanoTime()} with exactPacing). */
    long nextDueNanos() {
        return pacer.due();
    }

    @Override
    public PartitionOffset currentOffset() {
        return new RatePartitionOffset(lastValue, lastRunTimeMs);
    }

    @Override
    public void close() {
        scratch.close();
    }
}
