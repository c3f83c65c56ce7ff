package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: a second query on one checkpoint is refused at start, naming the holder. */
class CheckpointLockTest {
    @TempDir
    Path root;

    @Test
    void aSecondJvmIsRefusedNamingTheHolderUntilItReleases() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(), root.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("LOCKED", out.readLine());
            CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointDir.open(root).lock());
            assertTrue(e.getMessage().startsWith("The checkpoint at " + root + " is in use by another query (pid "
                    + child.pid() + " on "), e.getMessage());
            assertTrue(e.getMessage().contains(root.resolve(".lock").toString()), e.getMessage());
            child.getOutputStream().close();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
            try (CheckpointLock lock = CheckpointDir.open(root).lock()) {
                assertEquals(root.resolve(".lock"), lock.file());
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondQueryInThisJvmIsRefusedAndAReleasedLockIsTakenAgain() {
        CheckpointDir cp = CheckpointDir.open(root);
        try (CheckpointLock first = cp.lock()) {
            CheckpointException e = assertThrows(CheckpointException.class, cp::lock);
            assertTrue(e.getMessage().contains("(pid " + ProcessHandle.current().pid() + " on "), e.getMessage());
        }
        cp.lock().close();
    }
}
