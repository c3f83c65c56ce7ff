package io.tideway.engine.source.rate;

import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowDescriptor;
import org.agrona.MutableDirectBuffer;
import io.tideway.offheap.Memory;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One continuous rate partition: emits every row whose intended time has passed, never waits
 * (the reader thread's idle strategy does), and writes each row (fixed-width, never null) into one reused off-heap buffer,
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
    private final GrowableBuffer scratch = new GrowableBuffer(64);
    /** The one row being emitted ({@code scratch}'s buffer); its fields' slot offsets and length. */
    private final UnsafeBuffer row = scratch.buffer();
    private final int timestampSlot;
    private final int valueSlot;
    private final int intendedSlot;
    private final int rowLength;
    /** {@link #lastDue} before the first row. */
    private static final long NOTHING_EMITTED = Long.MIN_VALUE;
    /** The start offset's time, ms since the epoch: the offset's time until a row is emitted. */
    private final long startRunTimeMs;
    /** Last value emitted (or the start offset's). */
    private long lastValue;
    /** Intended time of {@link #lastValue} on the pacing clock (its ms form is derived only for offsets). */
    private long lastDue = NOTHING_EMITTED;
    /** Intended time of the first row the last emit wrote, on {@code System.nanoTime()}'s scale. */
    private long firstDueOfLastEmit = UNKNOWN_DUE_TIME;

    RateContinuousReader(RateSourceOptions options, int partition, RatePartitionOffset start, RateClock clock) {
        this.clock = clock;
        this.exactPacing = options.exactPacing();
        this.includeIntendedNanoTime = options.includeIntendedNanoTime();
        this.numPartitions = options.numPartitions();
        int fields = includeIntendedNanoTime ? 3 : 2;
        this.timestampSlot = RowDescriptor.slotOffset(fields, RatePartitionReader.TIMESTAMP);
        this.valueSlot = RowDescriptor.slotOffset(fields, RatePartitionReader.VALUE);
        this.intendedSlot = RowDescriptor.slotOffset(fields, includeIntendedNanoTime ? RatePartitionReader.INTENDED_NANO_TIME : 0);
        this.rowLength = RowDescriptor.fixedLength(fields);
        scratch.ensureCapacity(rowLength);
        this.lastValue = start.value();
        this.startRunTimeMs = start.runTimeMs();
        long epochMinusNanoTime = clock.epochNanosMinusNanoTime();
        long startNanos;
        if (exactPacing) {
            pacingToEpochNanos = epochMinusNanoTime;
            pacingToNanoTime = 0;
            startNanos = clock.nanoTime();
        } else {
            pacingToEpochNanos = 0;
            pacingToNanoTime = -epochMinusNanoTime;
            startNanos = start.runTimeMs() * 1_000_000L;
        }
        this.pacer = new RatePacer(options.rowsPerSecond(), numPartitions, startNanos);
        pacer.advance();
    }

    @Override
    public int poll(RowConsumer out, int maxRows) {
        return emit(out, null, maxRows);
    }

    /** One clock read for the whole batch: at saturation the clock is read once per ring slot. */
    @Override
    public int pollBatch(BatchTarget out, int maxRows) {
        return emit(out, out, maxRows);
    }

    /** Emits the rows due now, at most {@code maxRows}, stopping when {@code full} (if any) is full. */
    private int emit(RowConsumer out, BatchTarget full, int maxRows) {
        long now = exactPacing ? clock.nanoTime() : clock.currentTimeMillis() * 1_000_000L;
        firstDueOfLastEmit = pacer.due() + pacingToNanoTime;
        int emitted = 0;
        long value = lastValue;
        long last = lastDue;
        if (full != null && pacer.due() - now <= 0) {
            // a run of rows in place: slot bookkeeping once per run instead of once per row
            // about as many rows as are due (a paced source is usually 1 behind): header stores for
            // rows that are not due would be wasted; an underestimate leaves rows for the next call
            long behind = now - pacer.due();
            int dueRows = (int) Math.min(maxRows, behind / Math.max(1, pacer.stepNanos()) + 1);
            int reserved = full.reserveRun(rowLength, dueRows);
            if (reserved > 0) {
                return emitRun(full, reserved, now);
            }
        }
        while (emitted < maxRows && pacer.due() - now <= 0) {
            // in place in the target when it has room, else in the scratch row and copied by accept
            int at = full == null ? -1 : full.reserve(rowLength);
            if (at < 0 && full != null && full.isFull()) {
                break;
            }
            long due = pacer.due();
            value += numPartitions;
            MutableDirectBuffer b = at < 0 ? row : full.buffer();
            int base = at < 0 ? 0 : at;
            // the RowWriter's bytes for these non-null long fields, stored directly (no per-row wrap):
            // two or three fields, so one null bitmap word
            b.putLong(base + RowDescriptor.NULL_BITMAP_OFFSET, RowDescriptor.NO_NULLS);
            b.putLong(base + timestampSlot, Math.floorDiv(due + pacingToEpochNanos, 1000L));
            b.putLong(base + valueSlot, value);
            if (includeIntendedNanoTime) {
                b.putLong(base + intendedSlot, due + pacingToNanoTime);
            }
            if (at < 0) {
                out.accept(row, 0, rowLength);
            }
            last = due;
            pacer.advance();
            emitted++;
        }
        lastDue = last;
        lastValue = value;
        return emitted;
    }

    /**
     * Writes up to {@code reserved} due rows into the run {@code full} reserved, and gives back the
     * rest. One bounds check for the run, then unchecked stores (a check per field was a quarter
     * of the reader's time at saturation); the schedule and every field the loop reads are kept in
     * locals, because after an unchecked store the JIT must assume any field may have changed.
     */
    private int emitRun(BatchTarget full, int reserved, long now) {
        MutableDirectBuffer b = full.buffer();
        int stride = full.runStride();
        b.boundsCheck(full.runOffset(), (reserved - 1) * stride + rowLength);
        byte[] memory = b.byteArray();
        long at = b.addressOffset() + full.runOffset();
        final long toEpochNanos = pacingToEpochNanos;
        final long toNanoTime = pacingToNanoTime;
        final int partitions = numPartitions;
        final int timestampAt = timestampSlot;
        final int valueAt = valueSlot;
        final int intendedAt = includeIntendedNanoTime ? intendedSlot : -1;
        long due = pacer.due();
        long carry = pacer.carry();
        final long step = pacer.stepNanos();
        final long remainder = pacer.stepRemainder();
        final long wrap = pacer.rowsPerSecond() - remainder;
        long value = lastValue;
        long last = lastDue;
        int emitted = 0;
        while (emitted < reserved && due - now <= 0) {
            value += partitions;
            Memory.putLong(memory, at + RowDescriptor.NULL_BITMAP_OFFSET, RowDescriptor.NO_NULLS);
            Memory.putLong(memory, at + timestampAt, Math.floorDiv(due + toEpochNanos, 1000L));
            Memory.putLong(memory, at + valueAt, value);
            if (intendedAt >= 0) {
                Memory.putLong(memory, at + intendedAt, due + toNanoTime);
            }
            at += stride;
            last = due;
            // RatePacer.advance() on the locals
            due += step;
            if (carry >= wrap) {
                carry -= wrap;
                due++;
            } else {
                carry += remainder;
            }
            emitted++;
        }
        pacer.resume(due, carry);
        full.cancelRun(reserved - emitted);
        lastDue = last;
        lastValue = value;
        return emitted;
    }

    @Override
    public long firstRowSourceNanoTime() {
        return firstDueOfLastEmit;
    }

    /** With {@code exactPacing}, the next row's due time on {@code System.nanoTime()}'s scale; else unknown. */
    @Override
    public long nextRowDueNanoTime() {
        return exactPacing ? pacer.due() + pacingToNanoTime : UNKNOWN_DUE_TIME;
    }

    /** When the next row is due, ns on the pacing clock (wall ns, or {@code System.nanoTime()} with exactPacing). */
    long nextDueNanos() {
        return pacer.due();
    }

    @Override
    public PartitionOffset currentOffset() {
        long runTimeMs = lastDue == NOTHING_EMITTED ? startRunTimeMs : Math.floorDiv(lastDue + pacingToEpochNanos, 1_000_000L);
        return new RatePartitionOffset(lastValue, runTimeMs);
    }

    @Override
    public void close() {
        scratch.close();
    }
}
