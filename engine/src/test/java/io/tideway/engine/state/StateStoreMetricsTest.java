package io.tideway.engine.state;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The custom metrics Spark's default state store provider reports, counted as it counts them. */
class StateStoreMetricsTest {
    private static void commitOneKey(StateStoreProvider p, long version) {
        StateStore s = p.load(version);
        UnsafeBuffer key = new UnsafeBuffer("k".getBytes(StandardCharsets.UTF_8));
        s.put(key, 0, 1, new UnsafeBuffer(new byte[8]), 0, 8);
        p.commit(s);
    }

    @Test
    void loadsFromMemoryAreHitsAndReplaysAreMisses(@TempDir Path dir) {
        try (StateStoreProvider p = new StateStoreProvider(dir, 100, 100)) {
            commitOneKey(p, 0); // version 0 is empty: neither
            commitOneKey(p, 1); // held in memory
            assertEquals(1L, p.customMetrics().get("loadedMapCacheHitCount"));
            assertEquals(0L, p.customMetrics().get("loadedMapCacheMissCount"));
            assertTrue(p.customMetrics().get("stateOnCurrentVersionSizeBytes") > 0);
            p.invalidate();
            p.load(2);
            assertEquals(1L, p.customMetrics().get("loadedMapCacheMissCount"), "a failed batch reloads from files");
        }
    }
}
