package io.tideway.epoch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting helpers and a recording committer shared by the coordinator tests. */
final class CoordinatorFixtures {
    /** Long enough that only requestEpochAdvance() ends epochs during a test. */
    static final long MANUAL_INTERVAL_MS = TimeUnit.HOURS.toMillis(1);
    static final long TIMEOUT_MS = 10_000;

    private CoordinatorFixtures() {
    }

    /** Waits (yielding, never sleeping) until the condition holds, failing after the timeout. */
    static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + TIMEOUT_MS + " ms waiting for " + what);
            }
            Thread.yield();
        }
    }

    /**
     * Ends the current epoch and waits until the advance is visible. With a manual interval this
     * is also a barrier: every report offered before it has been processed and every epoch it
     * completed has been committed.
     */
    static long cut(EpochCoordinator<?, ?> coordinator) {
        long epoch = coordinator.requestEpochAdvance();
        awaitUntil(() -> coordinator.currentEpoch() > epoch, "epoch " + epoch + " to end");
        return epoch;
    }

    static List<String> liveCoordinatorThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(EpochCoordinator.THREAD_NAME_PREFIX) && t.isAlive()) {
                names.add(t.getName());
            }
        }
        return names;
    }

    static void assertNoCoordinatorThreads() {
        assertEquals(List.of(), liveCoordinatorThreads(), "coordinator threads left behind");
    }

    /** One call of the committer as it saw it. */
    record Commit(long epoch, List<PartitionReport<Object, String>> reports, String threadName) {
    }

    /** Records commits; throws {@code failure} when asked to commit {@code failAt}. */
    /** Offsets are whatever a test reports (strings or numbers); messages are strings. */
    static final class RecordingCommitter implements EpochCommitter<Object, String> {
        private final List<Commit> commits = new ArrayList<>();
        private final long failAt;
        private final Exception failure;

        RecordingCommitter() {
            this(Long.MIN_VALUE, null);
        }

        RecordingCommitter(long failAt, Exception failure) {
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public void commit(long epoch, List<PartitionReport<Object, String>> reports) throws Exception {
            if (epoch == failAt) {
                throw failure;
            }
            synchronized (commits) {
                commits.add(new Commit(epoch, reports, Thread.currentThread().getName()));
            }
        }

        List<Commit> commits() {
            synchronized (commits) {
                return List.copyOf(commits);
            }
        }

        List<Long> epochs() {
            return commits().stream().map(Commit::epoch).toList();
        }
    }

    static void assertCommittedOnCoordinatorThread(RecordingCommitter committer, String name) {
        for (Commit c : committer.commits()) {
            assertEquals(EpochCoordinator.THREAD_NAME_PREFIX + name, c.threadName(), "epoch " + c.epoch());
        }
    }
}
