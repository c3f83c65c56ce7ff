package io.tideway.continuous;

import io.tideway.engine.spi.ContinuousPartitionReader;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Partitions that outnumber the cores share reader threads, and a thread shared by several
 * readers waits for the earliest row any of them has due.
 */
class ReaderThreadTest {
    private static final long UNKNOWN = ContinuousPartitionReader.UNKNOWN_DUE_TIME;

    @Test
    void readersGetAThreadEachOnlyWhileTheyLeaveACoreFree() {
        assertEquals(3, ReaderThread.count(3, 2, false), "each task has its own thread: the caller saw cores to spare");
        assertEquals(1, ReaderThread.count(2, 2, true), "2 partitions on 2 cores: one thread reads and runs both");
        assertEquals(1, ReaderThread.count(1, 2, true));
        assertEquals(3, ReaderThread.count(4, 4, true), "one core left for the coordinator, the JIT and GC");
        assertEquals(2, ReaderThread.count(2, 8, true));
        assertEquals(1, ReaderThread.count(5, 1, true), "never no thread");
    }

    @Test
    void aSharedWaitIsForTheEarliestDueRowReportedSinceTheLastWait() {
        List<Long> waitedFor = new ArrayList<>();
        PacedIdleStrategy idle = new PacedIdleStrategy("test", NoOpIdleStrategy.INSTANCE, new ParkTimer(0), false, false,
                0, waitedFor::add);
        long far = System.nanoTime() + 3_600_000_000_000L; // an hour off: the wait returns at once
        idle.nextRowDue(far + 500);
        idle.nextRowDue(far + 100);
        idle.nextRowDue(UNKNOWN); // a source that cannot tell does not hide the others' times
        idle.nextRowDue(far + 300);
        idle.idle(0);
        idle.idle(0);
        idle.nextRowDue(far);
        idle.idle(1); // work done: times are reported afresh
        idle.idle(0);
        assertEquals(List.of(far + 100, UNKNOWN, UNKNOWN), waitedFor);
    }
}
