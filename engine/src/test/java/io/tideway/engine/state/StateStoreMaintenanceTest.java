package io.tideway.engine.state;

import io.tideway.checkpoint.StateFiles;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commits write only deltas; maintenance (inline here, or on its thread) snapshots from the files and purges. */
class StateStoreMaintenanceTest {
    private static UnsafeBuffer bytes(String s) {
        return new UnsafeBuffer(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Version v: key "k<i>" -> i*v for i < 3, and key "gone" removed at version 2. */
    private static void commitVersions(StateStoreProvider p, int from, int to) {
        for (long v = from; v < to; v++) {
            StateStore s = p.load(v);
            for (int i = 0; i < 3; i++) {
                UnsafeBuffer value = new UnsafeBuffer(new byte[8]);
                value.putLong(0, i * (v + 1));
                s.put(bytes("k" + i), 0, 2, value, 0, 8);
            }
            if (v == 0) {
                s.put(bytes("gone"), 0, 4, new UnsafeBuffer(new byte[8]), 0, 8);
            }
            if (v == 1) {
                s.remove(s.find(bytes("gone"), 0, 4));
            }
            p.commit(s);
        }
    }

    private static Map<String, Long> contents(StateStore s) {
        Map<String, Long> out = new TreeMap<>();
        s.forEach((buf, ko, kl, po, pl) -> out.put(buf.getStringWithoutLengthUtf8(ko, kl), buf.getLong(po)));
        return out;
    }

    @Test
    void commitsWriteDeltasOnlyAndMaintenanceSnapshotsAndPurges(@TempDir Path dir) {
        try (StateStoreProvider p = new StateStoreProvider(dir, 3, 2)) {
            commitVersions(p, 0, 7);
            assertEquals(List.of(), StateFiles.snapshotVersions(dir), "the batch thread writes no snapshot");
            assertEquals(7L, p.maintain());
            assertEquals(List.of(7L), StateFiles.snapshotVersions(dir));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), StateFiles.deltaVersions(dir),
                    "versions 5 and 6 must stay loadable, and only deltas can rebuild them");
            assertEquals(-1L, p.maintain(), "nothing new to snapshot");
            commitVersions(p, 7, 10);
            assertEquals(10L, p.maintain());
            assertEquals(List.of(7L, 10L), StateFiles.snapshotVersions(dir));
            assertEquals(List.of(7L, 8L, 9L, 10L), StateFiles.deltaVersions(dir), "snapshot 7 now covers everything below it");
        }
        try (StateStoreProvider restarted = new StateStoreProvider(dir, 3, 2)) {
            assertEquals(Map.of("k0", 0L, "k1", 10L, "k2", 20L), contents(restarted.load(10)));
            assertEquals(Map.of("k0", 0L, "k1", 8L, "k2", 16L), contents(restarted.load(8)), "from snapshot 7 plus delta 8");
        }
    }

    @Test
    void theMaintenanceThreadSnapshotsWhileBatchesGoOn(@TempDir Path dir) {
        try (StateStoreProvider p = new StateStoreProvider(dir, 2, 100);
             StateMaintenance m = new StateMaintenance("test", List.of(p), 5)) {
            commitVersions(p, 0, 4);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (StateFiles.snapshotVersions(dir).isEmpty() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            assertTrue(!StateFiles.snapshotVersions(dir).isEmpty(), "a snapshot appears without any batch writing it");
        }
        try (StateStoreProvider restarted = new StateStoreProvider(dir, 2, 100)) {
            assertEquals(Map.of("k0", 0L, "k1", 4L, "k2", 8L), contents(restarted.load(4)));
        }
    }
}
