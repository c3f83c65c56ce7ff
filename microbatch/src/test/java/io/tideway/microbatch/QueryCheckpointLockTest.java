package io.tideway.microbatch;

import io.tideway.checkpoint.CheckpointException;
import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17: a query holds its checkpoint's advisory lock for its run, so a second query on the
 * same checkpoint, from another session of this JVM or from another JVM, is refused at
 * {@code start()} naming the holder, before it writes anything; the lock is free again once the
 * holder stops or dies.
 */
class QueryCheckpointLockTest {
    private final TidewaySession first = TidewaySession.builder().getOrCreate().newSession();
    private final TidewaySession second = first.newSession();

    @AfterEach
    void stop() throws Exception {
        for (TidewaySession s : List.of(first, second)) {
            for (StreamingQuery q : s.streams().active()) {
                q.stop();
            }
        }
    }

    private static StreamingQuery counts(TidewaySession spark, MemoryStream<Long> s, Path chk, String name) throws Exception {
        return s.toDF().groupBy("value").count().writeStream().outputMode("complete").format("memory")
                .queryName(name).option("checkpointLocation", chk.toString()).start();
    }

    @Test
    void aSecondSessionsQueryOnTheSameCheckpointIsRefusedUntilTheFirstStops(@TempDir Path dir) throws Exception {
        Path chk = dir.resolve("chk");
        MemoryStream<Long> s = MemoryStream.create(Encoders.LONG(), first);
        StreamingQuery q = counts(first, s, chk, "a");
        s.addData(1L);
        q.processAllAvailable();

        MemoryStream<Long> other = MemoryStream.create(Encoders.LONG(), second);
        CheckpointException e = assertThrows(CheckpointException.class, () -> counts(second, other, chk, "b"));
        assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        assertTrue(e.getMessage().contains(chk.resolve(".lock").toString()), e.getMessage());
        assertEquals(0, second.streams().active().length, "the refused query is not registered");
        assertFalse(Files.exists(chk.resolve("offsets/1")), "the refused query wrote nothing");
        assertTrue(q.isActive(), "the holder runs on");
        s.addData(2L);
        q.processAllAvailable();
        q.stop();

        StreamingQuery b = counts(second, other, chk, "b");
        other.addData(3L);
        b.processAllAvailable();
        assertTrue(b.isActive());
        b.stop();
        assertTrue(b.exception().isEmpty());
    }

    @Test
    void aQueryInAnotherJvmHoldsTheCheckpointUntilItDies(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "a\n");
        Path out = dir.resolve("out");
        Path chk = dir.resolve("chk");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String f : System.getProperty("tideway.jvm.flags", "").split(" ")) {
            if (!f.isBlank()) {
                cmd.add(f);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildQueryMain.class.getName(),
                in.toString(), out.toString(), chk.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            String holder = "pid " + child.pid();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child.isAlive() && System.nanoTime() < deadline && !(Files.exists(chk.resolve(".lock"))
                    && Files.readString(chk.resolve(".lock")).contains(holder))) {
                Thread.onSpinWait();
            }
            assertTrue(child.isAlive(), "child: " + Files.readString(dir.resolve("child.log")));
            CheckpointException e = assertThrows(CheckpointException.class, () -> ChildQueryMain.FileQuery.start(first,
                    in.toString(), out.toString(), chk.toString(), Trigger.AvailableNow()));
            assertTrue(e.getMessage().contains(holder), e.getMessage());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        StreamingQuery after = ChildQueryMain.FileQuery.start(first, in.toString(), out.toString(), chk.toString(),
                Trigger.AvailableNow());
        assertTrue(after.awaitTermination(60_000));
        assertTrue(after.exception().isEmpty(), "the dead holder's lock is free");
    }
}
