package io.tideway.epoch;

import static io.tideway.epoch.CoordinatorFixtures.MANUAL_INTERVAL_MS;
import static io.tideway.epoch.CoordinatorFixtures.TIMEOUT_MS;
import static io.tideway.epoch.CoordinatorFixtures.assertCommittedOnCoordinatorThread;
import static io.tideway.epoch.CoordinatorFixtures.assertNoCoordinatorThreads;
import static io.tideway.epoch.CoordinatorFixtures.awaitUntil;
import static io.tideway.epoch.CoordinatorFixtures.cut;
import static io.tideway.epoch.CoordinatorFixtures.liveCoordinatorThreads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tideway.epoch.CoordinatorFixtures.RecordingCommitter;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EpochCoordinatorTest {
    private final RecordingCommitter committer = new RecordingCommitter();
    private final LinkedBlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();

    @AfterEach
    void noThreadLeftBehind() {
        assertNoCoordinatorThreads();
    }

    private EpochCoordinator<Object, String> manual(String name, int partitions, long firstEpoch) {
        return new EpochCoordinator<>(name, partitions, firstEpoch, MANUAL_INTERVAL_MS, committer, errors::add).start();
    }

    private Throwable nextError() throws InterruptedException {
        Throwable error = errors.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertTrue(error != null, "no error reported within " + TIMEOUT_MS + " ms");
        return error;
    }

    @Test
    void runsOneNamedDaemonThreadThatCloseJoinsIdempotently() {
        EpochCoordinator<Object, String> coordinator = manual("named", 1, 0);
        assertEquals(List.of("tideway-epoch-coordinator-named"), liveCoordinatorThreads());
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("tideway-epoch-coordinator-named")).findFirst().orElseThrow();
        assertTrue(thread.isDaemon());
        assertTrue(coordinator.isRunning());
        coordinator.close();
        assertFalse(thread.isAlive());
        assertFalse(coordinator.isRunning());
        coordinator.close();
        assertTrue(coordinator.stop(1));
    }

    @Test
    void commitsInEpochOrderWhenPartitionsAndEpochsReportOutOfOrder() throws Exception {
        try (EpochCoordinator<Object, String> coordinator = manual("order", 3, 5)) {
            assertEquals(5, coordinator.currentEpoch());
            assertEquals(4, coordinator.lastCommittedEpoch());
            cut(coordinator);
            cut(coordinator);
            cut(coordinator);
            assertEquals(8, coordinator.currentEpoch());

            coordinator.report(2, 7, "o7p2", "m7p2");
            coordinator.report(0, 6, "o6p0", "m6p0");
            coordinator.report(1, 7, "o7p1", "m7p1");
            coordinator.report(2, 5, "o5p2", "m5p2");
            coordinator.report(0, 7, "o7p0", "m7p0");
            coordinator.report(1, 6, "o6p1", "m6p1");
            coordinator.report(2, 6, "o6p2", "m6p2");
            cut(coordinator);
            assertEquals(List.of(), committer.epochs(), "epochs 6 and 7 are complete but 5 is not");
            assertEquals(4, coordinator.lastCommittedEpoch());

            coordinator.report(1, 5, "o5p1", "m5p1");
            coordinator.report(0, 5, "o5p0", "m5p0");
            assertTrue(coordinator.awaitCommitted(7, TIMEOUT_MS));
            assertEquals(List.of(5L, 6L, 7L), committer.epochs());
            for (CoordinatorFixtures.Commit commit : committer.commits()) {
                for (int p = 0; p < 3; p++) {
                    PartitionReport<Object, String> report = commit.reports().get(p);
                    assertEquals(new PartitionReport<>(p, commit.epoch(), "o" + commit.epoch() + "p" + p,
                            "m" + commit.epoch() + "p" + p), report);
                }
            }
            assertCommittedOnCoordinatorThread(committer, "order");
            assertNull(errors.poll());
        }
    }

    @Test
    void nothingCommitsUntilEveryPartitionReported() throws Exception {
        try (EpochCoordinator<Object, String> coordinator = manual("all", 3, 0)) {
            long epoch = cut(coordinator);
            coordinator.report(0, epoch, 10L, null);
            coordinator.report(2, epoch, 12L, null);
            cut(coordinator);
            assertEquals(List.of(), committer.epochs());
            assertEquals(-1, coordinator.lastCommittedEpoch());
            assertFalse(coordinator.awaitCommitted(epoch, 20));

            coordinator.report(1, epoch, 11L, null);
            assertTrue(coordinator.awaitCommitted(epoch, TIMEOUT_MS));
            assertEquals(List.of(0L), committer.epochs());
            assertEquals(List.of(10L, 11L, 12L),
                    committer.commits().get(0).reports().stream().map(PartitionReport::offset).toList());
        }
    }

    @Test
    void requestEpochAdvanceThenAwaitCommitted() throws Exception {
        try (EpochCoordinator<Object, String> coordinator = manual("advance", 2, 41)) {
            long epoch = coordinator.requestEpochAdvance();
            assertEquals(41, epoch);
            awaitUntil(() -> coordinator.currentEpoch() == 42, "epoch 41 to end");
            assertTrue(coordinator.report(1, 41, "b", "mb"));
            assertTrue(coordinator.report(0, 41, "a", "ma"));
            assertTrue(coordinator.awaitCommitted(41, TIMEOUT_MS));
            assertEquals(41, coordinator.lastCommittedEpoch());
        }
    }

    @Test
    void timerEndsEpochsEveryInterval() {
        try (EpochCoordinator<Object, String> coordinator = new EpochCoordinator<>("timer", 1, 0, 1, committer, errors::add).start()) {
            awaitUntil(() -> coordinator.currentEpoch() >= 3, "the clock to end three epochs");
            for (long e = 0; e < 3; e++) {
                coordinator.report(0, e, e, null);
            }
            awaitUntil(() -> coordinator.lastCommittedEpoch() == 2, "epochs 0..2 to commit");
            assertEquals(List.of(0L, 1L, 2L), committer.epochs());
        }
    }

    @Test
    void committerExceptionReachesErrorHandlerOnceAndStopsTheClock() throws Exception {
        IOException diskFull = new IOException("offsets/1: No space left on device");
        RecordingCommitter failing = new RecordingCommitter(1, diskFull);
        EpochCoordinator<Object, String> coordinator = new EpochCoordinator<>("fail", 2, 0, 1, failing, errors::add).start();
        try {
            awaitUntil(() -> coordinator.currentEpoch() >= 2, "epochs 0 and 1 to end");
            for (long e = 0; e < 2; e++) {
                coordinator.report(0, e, e, null);
                coordinator.report(1, e, e, null);
            }
            assertSame(diskFull, nextError());
            awaitUntil(() -> liveCoordinatorThreads().isEmpty(), "the coordinator thread to end");
            long stoppedAt = coordinator.currentEpoch();
            assertFalse(coordinator.isRunning());
            assertEquals(0, coordinator.lastCommittedEpoch());
            assertEquals(List.of(0L), failing.epochs());
            assertFalse(coordinator.awaitCommitted(1, TIMEOUT_MS), "a failed coordinator never commits");
            coordinator.requestEpochAdvance();
            assertFalse(coordinator.report(0, stoppedAt, "late", null));
            assertEquals(stoppedAt, coordinator.currentEpoch());
        } finally {
            coordinator.close();
        }
        assertNull(errors.poll(), "the error handler is called once");
    }

    @Test
    void errorHandlerMayCloseTheCoordinatorFromItsOwnThread() throws Exception {
        AtomicReference<EpochCoordinator<Object, String>> self = new AtomicReference<>();
        RecordingCommitter failing = new RecordingCommitter(0, new IllegalStateException("sink rejected epoch 0"));
        EpochCoordinator<Object, String> coordinator = new EpochCoordinator<>("selfclose", 1, 0, MANUAL_INTERVAL_MS, failing, e -> {
            self.get().close();
            errors.add(e);
        });
        self.set(coordinator);
        coordinator.start();
        try {
            cut(coordinator);
            coordinator.report(0, 0, 0L, null);
            assertEquals("sink rejected epoch 0", nextError().getMessage());
            awaitUntil(() -> liveCoordinatorThreads().isEmpty(), "the coordinator thread to end");
        } finally {
            coordinator.close();
        }
    }

    @Test
    void duplicateReportIsAnErrorNamingPartitionAndEpochAndTheFirstReportWins() throws Exception {
        try (EpochCoordinator<Object, String> coordinator = manual("dup", 2, 3)) {
            cut(coordinator);
            coordinator.report(1, 3, "first", null);
            coordinator.report(1, 3, "second", null);
            EpochReportException error = assertInstanceOf(EpochReportException.class, nextError());
            assertEquals(1, error.partition());
            assertEquals(3, error.epoch());
            assertTrue(error.getMessage().contains("Duplicate report from partition 1 for epoch 3"), error.getMessage());
            assertTrue(error.getMessage().contains("dup"), "names the coordinator: " + error.getMessage());

            coordinator.report(0, 3, "p0", null);
            assertTrue(coordinator.awaitCommitted(3, TIMEOUT_MS));
            assertEquals("first", committer.commits().get(0).reports().get(1).offset());
            assertTrue(coordinator.isRunning(), "a protocol error does not stop the coordinator");
        }
    }

    @Test
    void reportForACommittedEpochIsAnErrorNamingPartitionAndEpoch() throws Exception {
        try (EpochCoordinator<Object, String> coordinator = manual("late", 1, 0)) {
            cut(coordinator);
            cut(coordinator);
            coordinator.report(0, 0, 0L, null);
            coordinator.report(0, 1, 1L, null);
            assertTrue(coordinator.awaitCommitted(1, TIMEOUT_MS));
            coordinator.report(0, 0, 0L, null);
            EpochReportException error = assertInstanceOf(EpochReportException.class, nextError());
            assertEquals(0, error.partition());
            assertEquals(0, error.epoch());
            assertTrue(error.getMessage().contains(
                    "Late report from partition 0 for epoch 0: epoch 0 is already committed (last committed epoch 1)"),
                    error.getMessage());
            assertEquals(List.of(0L, 1L), committer.epochs());
        }
    }

    @Test
    void reportsForUnendedEpochsOrUnknownPartitionsAreErrors() throws Exception {
        try (EpochCoordinator<Object, String> coordinator = manual("early", 2, 0)) {
            coordinator.report(0, 0, 0L, null);
            EpochReportException early = assertInstanceOf(EpochReportException.class, nextError());
            assertTrue(early.getMessage().contains(
                    "Early report from partition 0 for epoch 0: epoch 0 has not ended (current epoch 0)"),
                    early.getMessage());
            coordinator.report(2, 0, 0L, null);
            EpochReportException outOfRange = assertInstanceOf(EpochReportException.class, nextError());
            assertEquals(2, outOfRange.partition());
            assertTrue(outOfRange.getMessage().contains(
                    "Report from partition 2 for epoch 0: partition out of range [0, 2)"), outOfRange.getMessage());
        }
    }

    @Test
    void clockHoldsWhileMaxOutstandingEpochsAreUncommitted() throws Exception {
        try (EpochCoordinator<Object, String> coordinator = new EpochCoordinator<>("held", 1, 0, MANUAL_INTERVAL_MS, 2,
                new BackoffIdleStrategy(), committer, errors::add).start()) {
            cut(coordinator);
            cut(coordinator);
            long held = coordinator.requestEpochAdvance();
            assertEquals(2, held);
            // An error round trip proves the coordinator ran cycles after the request.
            coordinator.report(0, 5, 5L, null);
            assertInstanceOf(EpochReportException.class, nextError());
            assertEquals(2, coordinator.currentEpoch(), "two epochs outstanding: the clock holds");

            coordinator.report(0, 0, 0L, null);
            assertTrue(coordinator.awaitCommitted(0, TIMEOUT_MS));
            awaitUntil(() -> coordinator.currentEpoch() == 3, "the held request to end epoch 2");
        }
    }

    @Test
    void stopEndsWaitsAndDropsLaterReports() throws Exception {
        EpochCoordinator<Object, String> coordinator = manual("stop", 1, 0);
        cut(coordinator);
        assertTrue(coordinator.stop(TIMEOUT_MS));
        assertFalse(coordinator.isRunning());
        assertFalse(coordinator.report(0, 0, 0L, null));
        assertFalse(coordinator.awaitCommitted(0, TIMEOUT_MS), "returns at once: nothing will commit");
        coordinator.close();
        assertEquals(List.of(), committer.epochs());
        assertNull(errors.poll());
    }

    @Test
    void rejectsBadSettingsNamingTheValue() {
        IllegalArgumentException partitions = assertThrows(IllegalArgumentException.class,
                () -> manual("bad", 0, 0));
        assertEquals("partitions must be >= 1, was 0", partitions.getMessage());
        IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
                () -> new EpochCoordinator<>("bad", 1, 0, 0, committer, errors::add));
        assertEquals("epoch interval must be > 0 ms, was 0", interval.getMessage());
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
                () -> manual("bad", 1, -1));
        assertEquals("firstEpoch must be >= 0, was -1", first.getMessage());
    }
}
