package io.tideway.epoch;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ThreadNiceTest {
    /** The calling thread's nice value as the kernel reports it (field 19 of its stat line). */
    private static int kernelNice() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(afterName[16]); // fields 3.. follow the name; nice is field 19
    }

    @Test
    void raisesOnlyTheCallingThreadsNiceValue() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int before = kernelNice();
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                boolean set = ThreadNice.setCurrentThread(Math.max(before, 7));
                seen.set(set ? kernelNice() : "not set");
            } catch (Exception e) {
                seen.set(e);
            }
        });
        t.start();
        t.join(10_000);
        assertEquals(Math.max(before, 7), seen.get());
        assertEquals(before, kernelNice(), "the caller's own thread is untouched");
    }

    @Test
    void rejectsValuesOutsideTheKernelsRange() {
        assertThrows(IllegalArgumentException.class, () -> ThreadNice.setCurrentThread(20));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ThreadNice.setCurrentThread(-21))
                .getMessage().contains("[-20, 19]"));
    }
}
