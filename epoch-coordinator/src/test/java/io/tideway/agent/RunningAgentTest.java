package io.tideway.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;

/** Agents started and stopped through {@link AgentThreads}: names, the factory, bounded stops without interrupts. */
class RunningAgentTest {
    /** Counts its duty cycles; records the thread its onClose ran on. */
    static class Counting implements Agent {
        final AtomicReference<String> closedOn = new AtomicReference<>();
        volatile long cycles;

        @Override
        public int doWork() {
            cycles++;
            return 0;
        }

        @Override
        public void onClose() {
            closedOn.set(Thread.currentThread().getName());
        }

        @Override
        public String roleName() {
            return "tideway-test-agent";
        }
    }

    @Test
    void aStoppedAgentsThreadHasEndedWhenStopReturnsAndItsOnCloseRanOnIt() {
        List<Thread> made = new ArrayList<>();
        AgentThreads threads = new AgentThreads(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            made.add(t);
            return t;
        });
        for (int i = 0; i < 50; i++) {
            Counting agent = new Counting();
            RunningAgent running = threads.start(agent, new SleepingMillisIdleStrategy(1), Throwable::printStackTrace);
            assertEquals("tideway-test-agent", running.thread().getName(), "named by the role, whatever the factory");
            assertTrue(running.thread().isDaemon());
            assertTrue(running.stop(10_000));
            assertFalse(running.thread().isAlive(), "stop returned true: the thread is gone, not just its loop");
            assertTrue(running.stop(1), "idempotent");
        }
        assertEquals(50, made.size(), "every thread came from the factory");
    }

    @Test
    void aStopThatTimesOutLeavesTheThreadUninterruptedToFinishOnItsOwn() throws Exception {
        CountDownLatch inCycle = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        Counting agent = new Counting() {
            @Override
            public int doWork() {
                inCycle.countDown();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (release.getCount() > 0 && System.nanoTime() < end) {
                    Thread.onSpinWait(); // a cycle that ignores interrupts, as a blocking source call might not
                }
                interrupted.set(Thread.currentThread().isInterrupted());
                return 1;
            }
        };
        RunningAgent running = AgentThreads.DAEMON.start(agent, new BusySpinIdleStrategy(), Throwable::printStackTrace);
        assertTrue(inCycle.await(10, TimeUnit.SECONDS));
        assertFalse(running.stop(20), "the cycle is still running");
        assertTrue(running.thread().isAlive());
        release.countDown();
        running.thread().join(10_000);
        assertFalse(running.thread().isAlive(), "the loop ends after its current cycle");
        assertEquals(Boolean.FALSE, interrupted.get(), "never interrupted");
        assertEquals("tideway-test-agent", agent.closedOn.get(), "onClose ran on the agent's own thread");
    }
}
