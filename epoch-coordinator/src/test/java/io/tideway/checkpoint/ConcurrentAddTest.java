package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Racing writers of one id: exactly one wins, the others fail, and the winner's content is what a reader sees. */
class ConcurrentAddTest {
    @TempDir
    Path dir;

    @Test
    void exactlyOneWriterWinsEachId() throws Exception {
        int writers = 4;
        int ids = 100;
        CommitLog log = new CommitLog(dir);
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<boolean[]>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                final int writer = w;
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    boolean[] won = new boolean[ids];
                    for (int id = 0; id < ids; id++) {
                        try {
                            log.write(id, new CommitMetadata(writer));
                            won[id] = true;
                        } catch (ConcurrentLogUpdateException lost) {
                            won[id] = false;
                        }
                    }
                    return won;
                }));
            }
            int[] winner = new int[ids];
            java.util.Arrays.fill(winner, -1);
            for (int w = 0; w < writers; w++) {
                boolean[] won = results.get(w).get(30, TimeUnit.SECONDS);
                for (int id = 0; id < ids; id++) {
                    if (won[id]) {
                        assertEquals(-1, winner[id], "two winners for id " + id);
                        winner[id] = w;
                    }
                }
            }
            for (int id = 0; id < ids; id++) {
                assertTrue(winner[id] >= 0, "no winner for id " + id);
                assertEquals(winner[id], log.get(id).orElseThrow().nextBatchWatermarkMs());
            }
            try (var files = Files.list(dir)) {
                assertEquals(ids, files.count(), "temp files left behind");
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
