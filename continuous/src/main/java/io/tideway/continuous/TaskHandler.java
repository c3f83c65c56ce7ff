package io.tideway.continuous;

import com.lmax.disruptor.EventHandler;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.spi.PartitionOffset;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The task of one partition, run on the task thread by the ring's event processor, or on the
 * reader's thread by its {@link DirectHandoff}: pushes each slot's rows through the fused operator
 * chain into the epoch's sink writer, and at an epoch marker finishes the chain, commits the
 * writer and reports to the coordinator; when it ends (stop or failure) it aborts the epoch's open
 * writer, on its thread too. That one thread only, except {@link #epoch()} (read by the failure
 * handler after the thread stopped or failed).
 */
final class TaskHandler implements EventHandler<RingSlot> {
    private final int partition;
    private final Operator chain;
    private final EpochWriter writer;
    private final Reporter reporter;
    private final PartitionCounters counters;
    /** Written by the task thread; read by the failure path. */
    private volatile long epoch;
    /** Task thread: rows consumed in the current epoch. */
    private long inputRows;

    /** Where a finished epoch goes (the epoch coordinator). */
    interface Reporter {
        void report(int partition, long epoch, PartitionOffset offset, TaskReport report);
    }

    TaskHandler(int partition, Operator chain, EpochWriter writer, Reporter reporter, PartitionCounters counters, long firstEpoch) {
        this.partition = partition;
        this.chain = chain;
        this.writer = writer;
        this.reporter = reporter;
        this.counters = counters;
        this.epoch = firstEpoch;
    }

    long epoch() {
        return epoch;
    }

    @Override
    public void onEvent(RingSlot slot, long sequence, boolean endOfBatch) {
        if (slot.kind == RingSlot.ROWS) {
            UnsafeBuffer rows = slot.rows;
            int at = 0;
            for (int i = 0; i < slot.rowCount; i++) {
                int length = SlotLayout.rowLength(rows, at);
                chain.accept(rows, at + SlotLayout.HEADER, length);
                at += SlotLayout.recordLength(length);
            }
            inputRows += slot.rowCount;
            long now = System.nanoTime(); // every row of the slot has reached the sink's writer (or was filtered out)
            long latency = now - slot.sourceNanos;
            counters.onSlot(slot.rowCount, now - slot.publishedNanos, latency);
            if (latency > StallEvent.THRESHOLD_NANOS) {
                stalled(slot.rowCount, latency);
            }
            return;
        }
        long e = slot.epoch;
        chain.finish();
        TaskReport report = new TaskReport(writer.endEpoch(e), inputRows, writer.takeOutputRows());
        inputRows = 0;
        epoch = e + 1;
        reporter.report(partition, e, slot.offset, report);
    }

    /** A late slot, for a JFR recording that wants it (the event is made only for late slots). */
    private void stalled(int rows, long latencyNanos) {
        StallEvent e = new StallEvent();
        if (e.shouldCommit()) {
            e.partition = partition;
            e.epoch = epoch;
            e.rows = rows;
            e.latency = latencyNanos;
            e.commit();
        }
    }

    /** Task thread, as the processor ends: the open epoch's output is never committed. */
    @Override
    public void onShutdown() {
        writer.abort();
    }
}
