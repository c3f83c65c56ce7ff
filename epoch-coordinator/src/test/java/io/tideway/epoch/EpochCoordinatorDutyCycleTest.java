package io.tideway.epoch;

import static io.tideway.epoch.CoordinatorFixtures.MANUAL_INTERVAL_MS;
import static io.tideway.epoch.CoordinatorFixtures.assertNoCoordinatorThreads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tideway.agent.AgentThreads;
import io.tideway.epoch.CoordinatorFixtures.RecordingCommitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's duty cycle stepped by hand, with no thread: the test thread is the
 * coordinator thread, so each step's effect is seen right after {@code doWork()} returns.
 */
class EpochCoordinatorDutyCycleTest {
    private final RecordingCommitter committer = new RecordingCommitter();
    private final List<Throwable> errors = new ArrayList<>();

    @Test
    void eachStepDrainsReportsCommitsCompleteEpochsAndServesAdvanceRequests() throws Exception {
        EpochCoordinator<Object, String> coordinator = new EpochCoordinator<>("stepped", 2, 7, MANUAL_INTERVAL_MS, committer, errors::add);
        Agent duty = coordinator.dutyCycle();
        assertEquals("tideway-epoch-coordinator-stepped", duty.roleName());
        assertEquals(0, duty.doWork(), "nothing to do: no report, no request, the epoch is not due");

        assertEquals(7, coordinator.requestEpochAdvance());
        assertEquals(7, coordinator.currentEpoch(), "a request is served by the next step, not by the call");
        assertEquals(1, duty.doWork(), "one advance");
        assertEquals(8, coordinator.currentEpoch());

        assertTrue(coordinator.report(1, 7, "o1", "m1"));
        assertEquals(1, duty.doWork(), "one report drained; epoch 7 still waits for partition 0");
        assertEquals(List.of(), committer.epochs());
        assertTrue(coordinator.report(0, 7, "o0", "m0"));
        assertEquals(2, duty.doWork(), "one report drained and one epoch committed");
        assertEquals(List.of(7L), committer.epochs());
        assertEquals(Thread.currentThread().getName(), committer.commits().get(0).threadName(),
                "the committer runs on the thread that steps the duty cycle");
        assertEquals(List.of("o0", "o1"), committer.commits().get(0).reports().stream().map(PartitionReport::offset).toList());
        assertEquals(7, coordinator.lastCommittedEpoch());
        assertEquals(List.of(), errors);

        assertTrue(coordinator.stop(1), "never started: nothing to wait for");
        assertFalse(coordinator.isRunning());
        assertThrows(AgentTerminationException.class, duty::doWork, "a stopped duty cycle ends its runner's loop");
        assertNoCoordinatorThreads();
    }

    @Test
    void startRunsTheDutyCycleOnAThreadFromTheGivenFactory() throws Exception {
        AtomicInteger made = new AtomicInteger();
        AgentThreads threads = new AgentThreads(r -> {
            made.incrementAndGet();
            Thread t = new Thread(r, "renamed by the runner");
            t.setDaemon(true);
            return t;
        });
        try (EpochCoordinator<Object, String> coordinator = new EpochCoordinator<>("factory", 1, 0, MANUAL_INTERVAL_MS, committer,
                errors::add).start(threads)) {
            assertEquals(1, made.get());
            assertEquals(List.of("tideway-epoch-coordinator-factory"), CoordinatorFixtures.liveCoordinatorThreads());
            assertInstanceOf(IllegalStateException.class, assertThrows(IllegalStateException.class,
                    () -> coordinator.start(threads)));
        }
        assertNoCoordinatorThreads();
    }
}
