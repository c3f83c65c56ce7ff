package io.tideway.checkpoint;

import java.nio.file.Path;

/** Child JVM for {@link CheckpointLockTest}: locks a checkpoint, says so, holds it until stdin closes. */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (CheckpointLock lock = CheckpointDir.open(Path.of(args[0])).lock()) {
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin
            }
        }
    }
}
