package io.tideway.continuous;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A thread lowers its own timer slack, and only its own (Linux; elsewhere nothing to check). */
class TimerSlackTest {
    @Test
    void aThreadSetsItsOwnSlackAndNoOtherThreads() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self")), "no /proc/thread-self on this OS");
        long mine = TimerSlack.ofCurrentThread();
        assumeTrue(mine >= 0, "timer slack not readable here");
        AtomicLong inThread = new AtomicLong();
        AtomicLong set = new AtomicLong();
        Thread t = new Thread(() -> {
            set.set(TimerSlack.setForCurrentThread(1_234) ? 1 : 0);
            inThread.set(TimerSlack.ofCurrentThread());
        });
        t.start();
        t.join();
        assertTrue(set.get() == 1, "a thread may set its own slack without privileges");
        assertEquals(1_234, inThread.get());
        assertEquals(mine, TimerSlack.ofCurrentThread(), "the calling thread alone changed");
    }
}
