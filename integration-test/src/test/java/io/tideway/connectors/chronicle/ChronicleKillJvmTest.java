package io.tideway.connectors.chronicle;

import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import io.tideway.testsupport.ChildJvm;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chronicle → Chronicle in a child JVM killed with SIGKILL mid-stream, then run again on the
 * same checkpoint and queues: micro-batch delivers every excerpt exactly once to committed
 * readers ({@link ChronicleSinkReader}), in order; continuous delivers every excerpt at least once.
 */
class ChronicleKillJvmTest {
    private static final int RECORDS = 20_000;
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final List<StreamingQuery> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (StreamingQuery q : started) {
            q.stop();
        }
        spark.stop();
    }

    private static int commits(Path chk) {
        File[] files = chk.resolve("commits").toFile().listFiles((d, n) -> n.matches("\\d+"));
        return files == null ? 0 : files.length;
    }

    private static long lastCommit(Path chk) {
        File[] files = chk.resolve("commits").toFile().listFiles((d, n) -> n.matches("\\d+"));
        long last = -1;
        for (File f : files == null ? new File[0] : files) {
            last = Math.max(last, Long.parseLong(f.getName()));
        }
        return last;
    }

    private static List<Long> committed(Path queueDir) {
        try (ChronicleQueue q = TestQueues.open(queueDir)) {
            return committed(q);
        }
    }

    /** The longs in the committed excerpts of a queue written by the chronicle sink, in queue order. */
    private static List<Long> committed(ChronicleQueue q) {
        List<Long> out = new ArrayList<>();
        ChronicleSinkReader.forEachCommitted(q, (batch, index, excerpt) -> out.add(TestQueues.decodeLong(excerpt)));
        return out;
    }

    private static ChildJvm child(Path dir, String mode) throws Exception {
        return ChildJvm.start(dir.resolve("child.log"), ChronicleChildQueryMain.class, dir.resolve("in").toString(),
                dir.resolve("out").toString(), dir.resolve("chk").toString(), mode);
    }

    @Test
    void microBatchKilledMidStreamDeliversEveryExcerptExactlyOnce(@TempDir Path dir) throws Exception {
        try (ChronicleQueue in = TestQueues.open(dir.resolve("in"))) {
            TestQueues.appendLongs(in, 0, RECORDS);
        }
        Path chk = dir.resolve("chk");
        int batches = RECORDS / ChronicleChildQueryMain.MAX_RECORDS_PER_TRIGGER;
        try (ChildJvm child = child(dir, "microbatch")) {
            TestQueues.await(() -> commits(chk) >= 3 || !child.isAlive(), "three committed batches in the child",
                    10_000_000L);
            assertTrue(child.isAlive(), () -> "the child died on its own: " + child.log());
            child.kill();
        }
        long killedAfter = lastCommit(chk);
        assertTrue(killedAfter < batches - 1, "killed mid-stream: after batch " + killedAfter + " of " + batches);

        StreamingQuery rest = ChronicleChildQueryMain.start(spark, dir.resolve("in").toString(), dir.resolve("out").toString(),
                chk.toString(), Trigger.AvailableNow());
        started.add(rest);
        assertTrue(rest.awaitTermination(60_000), "the restart drains the queue");
        assertTrue(rest.exception().isEmpty(), () -> String.valueOf(rest.exception()));
        assertEquals(LongStream.range(0, RECORDS).boxed().toList(), committed(dir.resolve("out")),
                "every excerpt once, in order");
    }

    @Test
    void continuousKilledMidStreamDeliversEveryExcerptAtLeastOnce(@TempDir Path dir) throws Exception {
        int prefilled = 2_000;
        Path chk = dir.resolve("chk");
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        try (ChronicleQueue in = TestQueues.open(dir.resolve("in"))) {
            TestQueues.appendLongs(in, 0, prefilled);
            Thread writer = new Thread(() -> appendPaced(in, prefilled, RECORDS, 5_000, writerFailure), "paced-appender");
            try (ChildJvm child = child(dir, "continuous")) {
                TestQueues.await(() -> commits(chk) >= 1 || !child.isAlive(), "a committed epoch in the child", 10_000_000L);
                assertTrue(child.isAlive(), () -> "the child died on its own: " + child.log());
                int before = commits(chk);
                writer.start(); // excerpts keep arriving while the child runs and after it is killed
                TestQueues.await(() -> commits(chk) >= before + 2 || !child.isAlive(), "two more epochs in the child",
                        10_000_000L);
                assertTrue(child.isAlive(), () -> "the child died on its own: " + child.log());
                child.kill();
            } finally {
                if (writer.getState() != Thread.State.NEW) {
                    writer.join(60_000);
                }
            }
        }
        assertNull(writerFailure.get());
        int beforeRestart = new TreeSet<>(committed(dir.resolve("out"))).size();
        assertTrue(beforeRestart < RECORDS, "killed mid-stream: " + beforeRestart + " of " + RECORDS + " were out");

        StreamingQuery rest = ChronicleChildQueryMain.start(spark, dir.resolve("in").toString(), dir.resolve("out").toString(),
                chk.toString(), Trigger.Continuous(200));
        started.add(rest);
        Set<Long> all = new TreeSet<>(LongStream.range(0, RECORDS).boxed().toList());
        try (ChronicleQueue out = TestQueues.open(dir.resolve("out"))) {
            TestQueues.await(() -> new TreeSet<>(committed(out)).size() >= RECORDS || rest.exception().isDefined(),
                    "every excerpt after the restart", 50_000_000L);
            assertTrue(rest.exception().isEmpty(), () -> String.valueOf(rest.exception()));
            assertEquals(all, new TreeSet<>(committed(out)), "every excerpt at least once");
        }
    }

    /** Appends the longs {@code from..to-1} at {@code perSecond}, paced against each one's intended time. */
    private static void appendPaced(ChronicleQueue q, long from, long to, int perSecond, AtomicReference<Throwable> failure) {
        try (var a = q.createAppender()) {
            long start = System.nanoTime();
            long period = 1_000_000_000L / perSecond;
            for (long v = from; v < to; v++) {
                long due = start + (v - from) * period;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                try (var dc = a.writingDocument()) {
                    dc.wire().bytes().writeLong(v);
                }
            }
        } catch (Throwable t) {
            failure.set(t);
        }
    }
}
