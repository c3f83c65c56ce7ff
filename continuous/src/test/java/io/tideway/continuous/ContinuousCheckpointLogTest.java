package io.tideway.continuous;

import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 17 items 1 and 5 for continuous queries: retention keeps {@code minBatchesToRetain}
 * epochs of offsets and commits and never the newest; a checkpoint whose offsets were deleted is
 * refused at start naming both files, with nothing written.
 */
class ContinuousCheckpointLogTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate().newSession();

    @AfterEach
    void stop() throws Exception {
        for (StreamingQuery q : spark.streams().active()) {
            q.stop();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    private StreamingQuery start(MemoryStream<Long> s, Path chk, String table) throws Exception {
        return s.toDS().writeStream().format("memory").queryName(table).trigger(Trigger.Continuous(10))
                .option("checkpointLocation", chk.toString()).start();
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static Map<String, String> snapshot(Path chk) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(chk)) {
            for (Path p : s.toList()) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals(".lock")) {
                    out.put(chk.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1)
                            + "@" + Files.getLastModifiedTime(p).toMillis());
                } else if (Files.isDirectory(p)) {
                    out.put(chk.relativize(p) + "/", "");
                }
            }
        }
        return out;
    }

    @Test
    void retentionKeepsTheLatestEpochsAndARestartResumes(@TempDir Path dir) throws Exception {
        spark.conf().set("spark.sql.streaming.minBatchesToRetain", "1");
        Path chk = dir.resolve("chk");
        MemoryStream<Long> s = new MemoryStream<>(201, spark, Encoders.LONG(), 1);
        StreamingQuery q = start(s, chk, "kept");
        s.addData(1L, 2L);
        await(() -> Files.exists(chk.resolve("commits/40")), "40 epochs");
        q.stop();
        assertTrue(count(chk.resolve("commits")) <= 16 + 1, count(chk.resolve("commits")) + " commits kept");
        assertTrue(count(chk.resolve("offsets")) <= 16 + 2, count(chk.resolve("offsets")) + " offsets kept");
        assertTrue(!Files.exists(chk.resolve("commits/0")), "old epochs purged");
        s.addData(3L);
        ContinuousQueryTest.Collector.ROWS.clear();
        StreamingQuery again = s.toDS().writeStream().foreach(new ContinuousQueryTest.Collector())
                .trigger(Trigger.Continuous(10)).option("checkpointLocation", chk.toString()).start();
        await(() -> !ContinuousQueryTest.Collector.ROWS.isEmpty(), "rows after restart");
        again.stop();
        assertEquals(java.util.List.of(3L), java.util.List.copyOf(ContinuousQueryTest.Collector.ROWS),
                "the restart resumed after the last committed epoch");
    }

    @Test
    void restartAfterOffsetsWereDeletedFailsAtStartAndWritesNothing(@TempDir Path dir) throws Exception {
        Path chk = dir.resolve("chk");
        MemoryStream<Long> s = new MemoryStream<>(202, spark, Encoders.LONG(), 1);
        StreamingQuery q = start(s, chk, "first");
        s.addData(1L);
        await(() -> Files.exists(chk.resolve("commits/2")), "3 epochs");
        q.stop();
        try (Stream<Path> offsets = Files.list(chk.resolve("offsets"))) {
            for (Path p : offsets.toList()) {
                Files.delete(p);
            }
        }
        Map<String, String> before = snapshot(chk);
        StreamingQuery restarted = start(s, chk, "second");
        StreamingQueryException e = assertThrows(StreamingQueryException.class, restarted::awaitTermination);
        assertTrue(e.getMessage().contains(chk.resolve("commits").toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("offsets log is behind the commits log"), e.getMessage());
        assertEquals(before, snapshot(chk), "the refused restart changed the checkpoint");
    }

    @Test
    void aSecondQueryOnTheCheckpointIsRefusedWhileTheFirstRuns(@TempDir Path dir) throws Exception {
        Path chk = dir.resolve("chk");
        MemoryStream<Long> s = new MemoryStream<>(203, spark, Encoders.LONG(), 1);
        StreamingQuery q = start(s, chk, "holder");
        await(() -> Files.exists(chk.resolve("commits/0")), "an epoch");
        TidewaySession other = spark.newSession();
        MemoryStream<Long> s2 = new MemoryStream<>(204, other, Encoders.LONG(), 1);
        io.tideway.checkpoint.CheckpointException e = assertThrows(io.tideway.checkpoint.CheckpointException.class,
                () -> s2.toDS().writeStream().foreach(new ContinuousQueryTest.Collector()).trigger(Trigger.Continuous(10))
                        .option("checkpointLocation", chk.toString()).start());
        assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        assertTrue(q.isActive());
        q.stop();
        assertTrue(q.exception().isEmpty());
    }
}
