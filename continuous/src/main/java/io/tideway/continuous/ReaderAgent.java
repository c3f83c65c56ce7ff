package io.tideway.continuous;

import io.tideway.engine.spi.ContinuousPartitionReader;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;

import java.util.function.LongSupplier;

/**
 * The reader of one partition as an agent: each duty cycle polls the source once into a slot
 * (claimed from its {@link SlotHandoff}: a ring's, or the one its task runs on this thread), which packs the rows due now into it (one row per slot when rows trickle, up to
 * {@code rowsPerSlot} when they pour), and when the coordinator's epoch has moved on, first
 * publishes an epoch marker carrying the reader's offset. A full ring, or the task running on this thread, holds it back (back-pressure).
 * A cycle that published no rows returns 0 after telling its {@link PacedIdleStrategy} when the
 * source's next row is due, and the runner idles; markers alone do not count as work, so a
 * quiet source keeps its backoff state across epochs.
 *
 * <p>Threading: every field is the reader thread's (the agent's), from the runner's first duty
 * cycle to {@link #onClose()}; the slots it claims are its own until published.
 */
final class ReaderAgent implements Agent {
    private final String roleName;
    private final ContinuousPartitionReader reader;
    private final SlotHandoff handoff;
    private final LongSupplier currentEpoch;
    private final PacedIdleStrategy idle;
    private final SlotAppender appender;
    private final int rowsPerSlot;
    private final ErrorSink errors;
    private final PartitionCounters counters;
    /** The epoch the rows being read belong to. Reader thread. */
    private long epoch;
    /** The claimed slot being filled, or null. Reader thread. */
    private RingSlot slot;

    /** Where a reader's failure goes (the query's failure path). */
    interface ErrorSink {
        void readerFailed(Throwable t, long epoch);
    }

    ReaderAgent(String roleName, ContinuousPartitionReader reader, SlotHandoff handoff, LongSupplier currentEpoch,
                long startEpoch, PacedIdleStrategy idle, ContinuousSettings settings, PartitionCounters counters,
                ErrorSink errors) {
        this.roleName = roleName;
        this.counters = counters;
        this.reader = reader;
        this.handoff = handoff;
        this.currentEpoch = currentEpoch;
        this.epoch = startEpoch;
        this.idle = idle;
        this.appender = new SlotAppender(settings.slotBytes(), settings.rowsPerSlot());
        this.rowsPerSlot = settings.rowsPerSlot();
        this.errors = errors;
    }

    @Override
    public String roleName() {
        return roleName;
    }

    /** The epoch being read, for the failure path; reader thread. */
    long epoch() {
        return epoch;
    }

    /** One poll; a failure goes to the error sink once and ends the agent. */
    @Override
    public int doWork() {
        try {
            return pollOnce();
        } catch (Throwable t) {
            errors.readerFailed(t, epoch);
            throw new AgentTerminationException();
        }
    }

    private int pollOnce() {
        long now = currentEpoch.getAsLong();
        if (now > epoch) {
            endEpochs(now);
        }
        if (slot == null) {
            claim();
            appender.target(slot);
        }
        int room = rowsPerSlot - slot.rowCount;
        if (room > 0 && !appender.isFull()) {
            reader.pollBatch(appender, room);
        }
        if (slot.rowCount > 0) {
            publishRows();
            return 1;
        }
        counters.onReaderIdle();
        idle.nextRowDue(reader.nextRowDueNanoTime());
        return 0;
    }

    /** Publishes what this epoch read, then one marker per epoch up to {@code now}. */
    private void endEpochs(long now) {
        if (slot != null && slot.rowCount > 0) {
            publishRows();
        }
        if (appender.hasSpill()) {
            // a row already polled belongs to this epoch (the marker's offset counts it)
            claim();
            appender.target(slot);
            publishRows();
        }
        while (epoch < now) {
            if (slot == null) {
                claim();
            }
            slot.kind = RingSlot.MARKER;
            slot.rowCount = 0;
            slot.epoch = epoch++;
            slot.offset = reader.currentOffset();
            publish();
        }
    }

    private void claim() {
        slot = handoff.claim();
    }

    private void publishRows() {
        long now = System.nanoTime();
        long source = reader.firstRowSourceNanoTime();
        slot.publishedNanos = now;
        // a source without source times, or a spilled row whose poll has passed: the read time stands in
        slot.sourceNanos = source == ContinuousPartitionReader.UNKNOWN_DUE_TIME || source - now > 0 ? now : source;
        publish();
    }

    /** Hands the claimed slot over; it is no longer this reader's, even if a task on this thread fails on it. */
    private void publish() {
        slot = null;
        handoff.publish();
    }

    /** Reader thread, after the last duty cycle. */
    @Override
    public void onClose() {
        try {
            RingSlot claimed = slot;
            slot = null;
            handoff.close(claimed);
        } finally {
            appender.close();
            reader.close();
        }
    }
}
