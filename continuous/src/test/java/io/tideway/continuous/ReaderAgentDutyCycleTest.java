package io.tideway.continuous;

import com.lmax.disruptor.RingBuffer;
import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.source.RowCountPartitionOffset;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.offheap.row.RowConsumer;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partition's reader agent stepped by hand, with no thread: each {@code doWork()} is one poll,
 * and what it published is read back from the ring as the task would see it.
 */
class ReaderAgentDutyCycleTest {
    private static final ContinuousSettings SETTINGS = new ContinuousSettings(ContinuousWait.BACKOFF, 8, 256, 4, 0,
            ContinuousSettings.AUTO, ContinuousSettings.AUTO);

    /** Emits the rows queued in {@code pending} (8 bytes each: the value), counting them as its offset. */
    static class QueueReader implements ContinuousPartitionReader {
        final List<Long> pending = new ArrayList<>();
        long emitted;
        long due = UNKNOWN_DUE_TIME;
        boolean closed;
        RuntimeException failure;
        private final UnsafeBuffer row = new UnsafeBuffer(new byte[8]);

        @Override
        public int poll(RowConsumer out, int maxRows) {
            if (failure != null) {
                throw failure;
            }
            int n = 0;
            while (n < maxRows && !pending.isEmpty()) {
                row.putLong(0, pending.remove(0));
                out.accept(row, 0, 8);
                n++;
                emitted++;
            }
            return n;
        }

        @Override
        public long nextRowDueNanoTime() {
            return due;
        }

        @Override
        public PartitionOffset currentOffset() {
            return new RowCountPartitionOffset(emitted);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final RingBuffer<RingSlot> ring = RingBuffer.createSingleProducer(() -> {
        RingSlot s = new RingSlot();
        s.rows.wrap(new byte[SETTINGS.slotBytes()]);
        return s;
    }, SETTINGS.ringSize());
    private final QueueReader source = new QueueReader();
    private final AtomicLong epoch = new AtomicLong(3);
    private final PartitionCounters counters = new PartitionCounters();
    private final List<Throwable> failures = new ArrayList<>();
    private final PacedIdleStrategy idle = ContinuousWait.BACKOFF.newReaderIdle(null, ContinuousWait.AUTO_SPIN_WINDOW);
    private final ReaderAgent reader = new ReaderAgent("tideway-reader-test-0", source, new RingHandoff(ring), epoch::get, 3, idle,
            SETTINGS, counters, (t, e) -> failures.add(t));

    @Test
    void eachStepPublishesTheRowsDueAsOneSlotAndMarkersWhenTheEpochMoves() {
        assertEquals("tideway-reader-test-0", reader.roleName());
        assertEquals(0, reader.doWork(), "nothing due: no work, the runner idles");
        assertEquals(1, counters.readerIdleCycles());
        assertEquals(-1, ring.getCursor(), "nothing published");

        source.pending.addAll(List.of(10L, 11L, 12L, 13L, 14L, 15L));
        assertEquals(1, reader.doWork());
        RingSlot rows = ring.get(0);
        assertEquals(RingSlot.ROWS, rows.kind);
        assertEquals(4, rows.rowCount, "one slot holds at most rowsPerSlot rows");
        assertEquals(10L, rows.rows.getLong(SlotLayout.HEADER));
        assertEquals(1, reader.doWork(), "the rest go in the next slot");
        assertEquals(2, ring.get(1).rowCount);

        epoch.set(5);
        assertEquals(0, reader.doWork(), "markers alone are not work");
        assertEquals(3, ring.getCursor(), "two markers, one per ended epoch");
        for (long seq = 2, e = 3; seq <= 3; seq++, e++) {
            RingSlot marker = ring.get(seq);
            assertEquals(RingSlot.MARKER, marker.kind);
            assertEquals(e, marker.epoch);
            assertEquals(new RowCountPartitionOffset(6), marker.offset, "the marker carries every row read before it");
        }
        assertEquals(5, reader.epoch(), "the rows read next belong to epoch 5");

        reader.onClose();
        assertEquals(4, ring.getCursor(), "the slot claimed by the last idle poll is published empty, never left claimed");
        assertEquals(0, ring.get(4).rowCount);
        assertTrue(source.closed, "the agent closes its source on its own thread");
        assertEquals(List.of(), failures);
    }

    @Test
    void aFailedPollGoesToTheFailurePathOnceAndEndsTheAgent() {
        source.failure = new IllegalStateException("broker gone");
        assertThrows(AgentTerminationException.class, reader::doWork);
        assertEquals(1, failures.size());
        assertSame(source.failure, failures.get(0));
    }
}
