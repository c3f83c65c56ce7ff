package io.tideway.microbatch;

import io.tideway.engine.sink.file.FileSinkReader;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files moved into a watched directory reach a file sink exactly once across a stop and a JVM kill. */
class FileExactlyOnceTest {
    private static final int LINES_PER_FILE = 500;
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    /** Writes file {@code n} elsewhere and moves it in atomically, as the guide requires. */
    private static void addFile(Path in, Path staging, int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LINES_PER_FILE; i++) {
            sb.append("r").append(n).append('-').append(i).append('\n');
        }
        Path tmp = staging.resolve("f" + n + ".txt");
        Files.writeString(tmp, sb.toString());
        Files.move(tmp, in.resolve("f" + n + ".txt"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Set<String> expected(int files) {
        Set<String> all = new HashSet<>();
        for (int n = 0; n < files; n++) {
            for (int i = 0; i < LINES_PER_FILE; i++) {
                all.add("{\"value\":\"r" + n + "-" + i + "\"}");
            }
        }
        return all;
    }

    private static void assertExactlyOnce(Path out, int files) {
        List<String> lines = FileSinkReader.readCommittedLines(out);
        assertEquals(files * LINES_PER_FILE, lines.size(), "no row lost or duplicated");
        assertEquals(expected(files), new HashSet<>(lines));
    }

    @Test
    void filesMovedInAreProcessedOnceAcrossAStopAndRestart(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path out = dir.resolve("out");
        String chk = dir.resolve("chk").toString();
        StreamingQuery q = ChildQueryMain.FileQuery.start(spark, in.toString(), out.toString(), chk, Trigger.ProcessingTime(0));
        for (int n = 0; n < 3; n++) {
            addFile(in, staging, n);
            q.processAllAvailable();
        }
        assertExactlyOnce(out, 3);
        q.stop();
        addFile(in, staging, 3);
        addFile(in, staging, 4);
        StreamingQuery again = ChildQueryMain.FileQuery.start(spark, in.toString(), out.toString(), chk, Trigger.ProcessingTime(0));
        again.processAllAvailable();
        again.stop();
        assertExactlyOnce(out, 5);
        assertEquals(5, Files.list(dir.resolve("chk/commits")).count(), "one batch per file");
    }

    @Test
    void aKilledJvmRestartsFromItsCheckpointWithNoRowLostOrDuplicated(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path out = dir.resolve("out");
        Path chk = dir.resolve("chk");
        int files = 40;
        for (int n = 0; n < files; n++) {
            addFile(in, staging, n);
        }
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
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (committedBatches(out) < 3 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.onSpinWait();
            }
            assertTrue(committedBatches(out) >= 3, "the child committed some batches: " + Files.readString(dir.resolve("child.log")));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        int beforeKill = committedBatches(out);
        assertTrue(beforeKill < files, "killed mid-stream (" + beforeKill + " of " + files + " batches)");
        StreamingQuery restarted = ChildQueryMain.FileQuery.start(spark, in.toString(), out.toString(), chk.toString(),
                Trigger.AvailableNow());
        assertTrue(restarted.awaitTermination(120_000));
        assertExactlyOnce(out, files);
    }

    private static int committedBatches(Path out) {
        File[] logs = out.resolve("_spark_metadata").toFile().listFiles((d, n) -> n.matches("\\d+(\\.compact)?"));
        return logs == null ? 0 : logs.length;
    }
}
