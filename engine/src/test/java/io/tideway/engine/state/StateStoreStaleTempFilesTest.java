package io.tideway.engine.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17: a state partition opened after kills no longer keeps the temp files the killed writers
 * left ({@code .<v>.delta.<pid>-<n>.tmp}); a live process's temp file, which may be in flight, and
 * the published files stay.
 */
class StateStoreStaleTempFilesTest {
    @Test
    void openingAPartitionRemovesDeadWritersTempFilesOnly(@TempDir Path dir) throws Exception {
        Process dead = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(dead.waitFor(60, TimeUnit.SECONDS));
        Path partition = Files.createDirectories(dir.resolve("state/0/0"));
        try (StateStoreProvider p = new StateStoreProvider(partition, 10, 100)) {
            StateStore s = p.load(0);
            org.agrona.concurrent.UnsafeBuffer b = new org.agrona.concurrent.UnsafeBuffer(new byte[8]);
            s.put(b, 0, 4, b, 0, 8);
            p.commit(s);
        }
        Path stale = Files.writeString(partition.resolve(".2.delta." + dead.pid() + "-1.tmp"), "partial");
        Path live = Files.writeString(partition.resolve(".2.delta." + ProcessHandle.current().pid() + "-7.tmp"), "in flight");

        try (StateStoreProvider reopened = new StateStoreProvider(partition, 10, 100)) {
            assertFalse(Files.exists(stale), "a killed writer's temp file is removed when the partition is opened");
            assertTrue(Files.exists(live), "a live writer's temp file stays");
            assertTrue(Files.exists(partition.resolve("1.delta")));
            assertEquals(1, reopened.load(1).version());
        }
    }
}
