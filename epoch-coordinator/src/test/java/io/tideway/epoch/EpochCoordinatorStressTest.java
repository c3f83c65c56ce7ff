package io.tideway.epoch;

import static io.tideway.epoch.CoordinatorFixtures.TIMEOUT_MS;
import static io.tideway.epoch.CoordinatorFixtures.assertNoCoordinatorThreads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Four reporter threads, each standing in for one partition's reader and task, drive 2,000
 * epochs as fast as the coordinator ends them: the 1 ms clock, plus partition 0 requesting an
 * advance after each of its reports. Every epoch must commit exactly once, in order, on the
 * coordinator thread, with exactly one report per partition.
 */
class EpochCoordinatorStressTest {
    private static final int PARTITIONS = 4;
    private static final int EPOCHS = 2_000;
    private static final long FIRST_EPOCH = 1_000;
    private static final long LAST_EPOCH = FIRST_EPOCH + EPOCHS - 1;

    @AfterEach
    void noThreadLeftBehind() {
        assertNoCoordinatorThreads();
    }

    @Test
    void everyEpochCommitsOnceInOrderWithOneReportPerPartition() throws Exception {
        List<long[]> commits = new ArrayList<>(); // coordinator thread only until awaitCommitted returns
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        String coordinatorThread = EpochCoordinator.THREAD_NAME_PREFIX + "stress";
        EpochCommitter<Long, Void> committer = (epoch, reports) -> {
            if (!Thread.currentThread().getName().equals(coordinatorThread)) {
                violations.add("epoch " + epoch + " committed on " + Thread.currentThread().getName());
            }
            long[] offsets = new long[reports.size()];
            for (int p = 0; p < reports.size(); p++) {
                PartitionReport<Long, Void> r = reports.get(p);
                if (r.partition() != p || r.epoch() != epoch) {
                    violations.add("epoch " + epoch + " slot " + p + " holds " + r);
                }
                offsets[p] = r.offset();
            }
            commits.add(new long[] {epoch, reports.size(), offsets[0], offsets[1], offsets[2], offsets[3]});
        };

        try (EpochCoordinator<Long, Void> coordinator =
                     new EpochCoordinator<>("stress", PARTITIONS, FIRST_EPOCH, 1, committer, errors::add).start()) {
            CyclicBarrier start = new CyclicBarrier(PARTITIONS);
            AtomicBoolean abort = new AtomicBoolean();
            List<Thread> reporters = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                int partition = p;
                Thread t = new Thread(() -> drive(coordinator, partition, start, abort, violations),
                        "stress-reporter-" + p);
                t.setDaemon(true);
                reporters.add(t);
                t.start();
            }
            try {
                assertTrue(coordinator.awaitCommitted(LAST_EPOCH, 4 * TIMEOUT_MS),
                        "committed only up to " + coordinator.lastCommittedEpoch() + ", errors " + errors);
            } finally {
                abort.set(true);
                for (Thread t : reporters) {
                    t.join(TIMEOUT_MS);
                    assertFalse(t.isAlive(), t.getName() + " still running");
                }
            }
            assertEquals(LAST_EPOCH, coordinator.lastCommittedEpoch(), "reporters stopped at the last epoch");
        }
        assertEquals(List.of(), List.copyOf(violations));
        assertNull(errors.peek(), () -> "errors: " + errors);
        assertEquals(EPOCHS, commits.size());
        for (int i = 0; i < EPOCHS; i++) {
            long epoch = FIRST_EPOCH + i;
            long[] c = commits.get(i);
            assertEquals(epoch, c[0], "commit " + i);
            assertEquals(PARTITIONS, c[1], "reports in epoch " + epoch);
            for (int p = 0; p < PARTITIONS; p++) {
                assertEquals(offset(p, epoch), c[2 + p], "offset of partition " + p + " in epoch " + epoch);
            }
        }
    }

    /** Like a reader plus task: on seeing the epoch move, reports every epoch it passed. */
    private static void drive(EpochCoordinator<Long, Void> coordinator, int partition, CyclicBarrier start,
                              AtomicBoolean abort, ConcurrentLinkedQueue<String> violations) {
        try {
            start.await(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            long next = FIRST_EPOCH;
            while (next <= LAST_EPOCH && !abort.get()) {
                long current = coordinator.currentEpoch();
                if (next >= current) {
                    Thread.yield();
                    continue;
                }
                while (next < current && next <= LAST_EPOCH) {
                    if (!coordinator.report(partition, next, offset(partition, next), null)) {
                        violations.add("report dropped: partition " + partition + " epoch " + next);
                    }
                    next++;
                }
                if (partition == 0) {
                    coordinator.requestEpochAdvance();
                }
            }
        } catch (Exception e) {
            violations.add("partition " + partition + ": " + e);
        }
    }

    private static long offset(int partition, long epoch) {
        return epoch * 10 + partition;
    }
}
