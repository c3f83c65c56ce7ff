package io.tideway.continuous;

import com.lmax.disruptor.RingBuffer;
import io.tideway.engine.spi.ContinuousPartitionReader;

import java.util.function.LongSupplier;

/**
 * The reader thread of one partition: polls the source once per ring slot, which packs the rows
 * due now into it (one row per slot when rows trickle, up to {@code rowsPerSlot} when they pour),
 * and when the coordinator's epoch moves on, publishes an epoch marker carrying the reader's
 * offset. A full ring blocks it (back-pressure); a source with nothing due is waited for by
 * {@link ReaderWait}. All fields are reader-thread only except {@link #running}.
 */
final class ReaderLoop implements Runnable {
    private final ContinuousPartitionReader reader;
    private final RingBuffer<RingSlot> ring;
    private final LongSupplier currentEpoch;
    private final ReaderWait idle;
    private final SlotAppender appender;
    private final int rowsPerSlot;
    private final ErrorSink errors;
    private final PartitionCounters counters;
    private volatile boolean running = true;
    private long epoch;

    /** Where a reader thread's failure goes (the query's failure handler). */
    interface ErrorSink {
        void readerFailed(Throwable t, long epoch);
    }

    ReaderLoop(ContinuousPartitionReader reader, RingBuffer<RingSlot> ring, LongSupplier currentEpoch, long startEpoch,
               ReaderWait idle, ContinuousSettings settings, PartitionCounters counters, ErrorSink errors) {
        this.counters = counters;
        this.reader = reader;
        this.ring = ring;
        this.currentEpoch = currentEpoch;
        this.epoch = startEpoch;
        this.idle = idle;
        this.appender = new SlotAppender(settings.slotBytes(), settings.rowsPerSlot());
        this.rowsPerSlot = settings.rowsPerSlot();
        this.errors = errors;
    }

    void stop() {
        running = false;
    }

    private void publishRows(long sequence, RingSlot slot) {
        slot.publishedNanos = System.nanoTime();
        ring.publish(sequence);
    }

    @Override
    public void run() {
        long sequence = -1;
        RingSlot slot = null;
        try {
            while (running) {
                long now = currentEpoch.getAsLong();
                if (now > epoch) {
                    if (slot != null && slot.rowCount > 0) {
                        publishRows(sequence, slot);
                        slot = null;
                    }
                    if (appender.hasSpill()) {
                        // a row already polled belongs to this epoch (the marker's offset counts it)
                        sequence = ring.next();
                        slot = ring.get(sequence);
                        appender.target(slot);
                        publishRows(sequence, slot);
                        slot = null;
                    }
                    while (epoch < now) {
                        if (slot == null) {
                            sequence = ring.next();
                            slot = ring.get(sequence);
                        }
                        slot.kind = RingSlot.MARKER;
                        slot.rowCount = 0;
                        slot.epoch = epoch++;
                        slot.offset = reader.currentOffset();
                        ring.publish(sequence);
                        slot = null;
                    }
                }
                if (slot == null) {
                    sequence = ring.next();
                    slot = ring.get(sequence);
                    appender.target(slot);
                }
                int room = rowsPerSlot - slot.rowCount;
                if (room > 0 && !appender.isFull()) {
                    reader.pollBatch(appender, room);
                }
                if (slot.rowCount > 0) {
                    publishRows(sequence, slot);
                    slot = null;
                    idle.reset();
                } else {
                    counters.onReaderIdle();
                    idle.idle(reader.nextRowDueNanoTime());
                }
            }
        } catch (Throwable t) {
            errors.readerFailed(t, epoch);
        } finally {
            if (slot != null) {
                // never leave a claimed sequence unpublished: the task would wait on it forever
                slot.kind = RingSlot.ROWS;
                slot.rowCount = 0;
                ring.publish(sequence);
            }
            appender.close();
            reader.close();
        }
    }
}
