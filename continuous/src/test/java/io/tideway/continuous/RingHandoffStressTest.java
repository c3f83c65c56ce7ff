package io.tideway.continuous;

import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.tideway.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The lock-free handoffs under pressure: a 2-slot ring with one row per slot (the reader blocks
 * on a full ring all the time), epochs every 10 ms (markers interleave with rows constantly, and
 * the coordinator commits while both partitions run), for each wait strategy. Every row arrives
 * exactly once, epochs commit in order, and stopping leaves no engine thread behind. The same
 * with each task on its reader's thread (one slot, reused for every hand-off).
 */
class RingHandoffStressTest {
    private static final int ROWS = 20_000;
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
        spark.conf().unset(ContinuousSettings.WAIT_STRATEGY);
        spark.conf().unset(ContinuousSettings.RING_SIZE);
        spark.conf().unset(ContinuousSettings.ROWS_PER_SLOT);
        spark.conf().unset(ContinuousSettings.THREADS_PER_PARTITION);
    }

    private static List<String> engineThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (t.isAlive() && (n.startsWith("tideway") || n.contains("epoch") || n.contains("continuous"))) {
                names.add(n);
            }
        }
        return names;
    }

    private static void awaitAnotherEpoch(StreamingQuery q, String table) {
        long seen = q.lastProgress() == null ? -1 : q.lastProgress().batchId();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((q.lastProgress() == null ? -1 : q.lastProgress().batchId()) <= seen) {
            if (System.nanoTime() > deadline || !q.isActive()) {
                fail(table + ": no epoch committed after epoch " + seen + "; " + q.exception());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Test
    void everyRowCrossesATinyRingOnceWhileEpochsTurnOver(@TempDir Path dir) throws Exception {
        for (String threads : List.of("2", "1"))
        for (String wait : List.of("busy-spin", "yielding", "backoff", "blocking")) {
            List<String> before = engineThreads();
            spark.conf().set(ContinuousSettings.THREADS_PER_PARTITION, threads);
            spark.conf().set(ContinuousSettings.WAIT_STRATEGY, wait);
            spark.conf().set(ContinuousSettings.RING_SIZE, "2");
            spark.conf().set(ContinuousSettings.ROWS_PER_SLOT, "1");
            MemoryStream<Long> s = new MemoryStream<>(700, spark, Encoders.LONG(), 2);
            String table = "stress_" + wait.replace('-', '_') + "_" + threads;
            StreamingQuery q = s.toDS().select(col("value")).writeStream().format("memory").queryName(table)
                    .trigger(Trigger.Continuous(10))
                    .option("checkpointLocation", dir.resolve(table).toString()).start();
            List<Long> batch = new ArrayList<>();
            for (long i = 0; i < ROWS; i++) {
                batch.add(i);
                if (batch.size() == 1000) {
                    s.addData(batch);
                    batch.clear();
                }
                if ((i + 1) % 5000 == 0) {
                    awaitAnotherEpoch(q, table); // rows of several epochs, whatever the machine's speed
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (spark.table(table).count() < ROWS) {
                if (System.nanoTime() > deadline || !q.isActive()) {
                    fail(table + ": " + spark.table(table).count() + " of " + ROWS + " rows; " + q.exception());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            q.stop();
            BitSet seen = new BitSet();
            long rows = 0;
            for (Row r : spark.table(table).collectAsList()) {
                seen.set((int) r.getLong(0));
                rows++;
            }
            assertEquals(ROWS, rows, table + ": no row twice");
            assertEquals(ROWS, seen.cardinality(), table + ": no row lost");
            long previous = -1;
            for (var p : q.recentProgress()) {
                assertTrue(p.batchId() > previous, table + ": epochs commit in order");
                previous = p.batchId();
            }
            assertTrue(previous >= 2, table + ": several epochs turned over during the run");
            long stopDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!before.containsAll(engineThreads()) && System.nanoTime() < stopDeadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            List<String> left = new ArrayList<>(engineThreads());
            left.removeAll(before);
            assertEquals(List.of(), left, table + ": engine threads left after stop");
        }
    }
}
