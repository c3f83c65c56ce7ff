package io.tideway.microbatch;

import io.tideway.engine.sink.file.FileSinkReader;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 at random points, twenty times: a child JVM runs a file → file query (and, in the
 * second test, one with {@code dropDuplicates} state) from one checkpoint; each time it has
 * committed one to three more batches (a random number) it is killed at once, often inside the
 * next batch or a checkpoint write, and started again. At the end a last run finishes the input: every row must
 * be in the sink's committed output exactly once, and the deduplicated query must hold each
 * distinct value exactly once (its state neither lost nor doubled across the kills).
 */
class RepeatedKillTest {
    private static final int KILLS = 20;
    private static final int FILES = 60;
    private static final int LINES_PER_FILE = 100;
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final Random random = new Random(7);

    @AfterEach
    void stop() {
        spark.stop();
    }

    @Test
    void fileToFileLosesAndDuplicatesNothingAcrossTwentyKills(@TempDir Path dir) throws Exception {
        Path out = runWithKills(dir, "plain", n -> "r" + n);
        List<String> lines = FileSinkReader.readCommittedLines(out);
        Set<String> expected = new HashSet<>();
        for (int n = 0; n < FILES * LINES_PER_FILE; n++) {
            expected.add("{\"value\":\"r" + n + "\"}");
        }
        assertEquals(expected.size(), lines.size(), "no row lost or duplicated");
        assertEquals(expected, new HashSet<>(lines));
    }

    @Test
    void deduplicationStateIsExactAcrossTwentyKills(@TempDir Path dir) throws Exception {
        // each value appears in about three files: the state must remember it across kills
        Path out = runWithKills(dir, "dedup", n -> "v" + (n * 7919L % (FILES * LINES_PER_FILE / 3)));
        Map<String, Integer> seen = new HashMap<>();
        for (String line : FileSinkReader.readCommittedLines(out)) {
            seen.merge(line, 1, Integer::sum);
        }
        Set<String> expected = new HashSet<>();
        for (int n = 0; n < FILES * LINES_PER_FILE; n++) {
            expected.add("{\"value\":\"v" + (n * 7919L % (FILES * LINES_PER_FILE / 3)) + "\"}");
        }
        assertEquals(expected, seen.keySet(), "every distinct value emitted");
        seen.forEach((v, count) -> assertEquals(1, count, v + " emitted once"));
    }

    /** Feeds the input, kills the child {@link #KILLS} times at random points, then finishes in this JVM; returns the sink's directory. */
    private Path runWithKills(Path dir, String mode, java.util.function.LongFunction<String> line) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Path out = dir.resolve("out");
        Path chk = dir.resolve("chk");
        for (int n = 0; n < FILES; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < LINES_PER_FILE; i++) {
                sb.append(line.apply((long) n * LINES_PER_FILE + i)).append('\n');
            }
            Path tmp = staging.resolve("f" + n + ".txt");
            Files.writeString(tmp, sb.toString());
            Files.move(tmp, in.resolve("f" + n + ".txt"), StandardCopyOption.ATOMIC_MOVE);
        }
        int kills = 0;
        while (kills < KILLS && !allInputCommitted(chk)) {
            // killed once it has committed one to three more batches: often inside the next batch or its log writes
            int target = commits(chk) + 1 + random.nextInt(3);
            Process child = start(dir, in, out, chk, mode, kills);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (commits(chk) < target && !allInputCommitted(chk) && child.isAlive() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertTrue(child.isAlive(), "the child runs: " + Files.readString(dir.resolve("child-" + kills + ".log")));
                assertTrue(commits(chk) >= target || allInputCommitted(chk), "the child committed batches within 60 s");
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child is gone");
            }
            kills++;
        }
        assertTrue(kills >= KILLS / 2, "killed mid-stream " + kills + " times");
        StreamingQuery last = ChildQueryMain.FileQuery.start(spark, in.toString(), out.toString(), chk.toString(),
                Trigger.AvailableNow(), mode.equals("dedup"));
        assertTrue(last.awaitTermination(120_000), "the last run finishes the input");
        return out;
    }

    private static Process start(Path dir, Path in, Path out, Path chk, String mode, int run) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String f : System.getProperty("tideway.jvm.flags", "").split(" ")) {
            if (!f.isBlank()) {
                cmd.add(f);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildQueryMain.class.getName(),
                in.toString(), out.toString(), chk.toString(), mode));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child-" + run + ".log").toFile()).start();
    }

    /**
     * Whether the newest committed batch read the last input file. A batch may read several files:
     * a killed run can have logged the next files as the source's next entries before it wrote
     * the batch's offsets, and the restarted run's next batch then takes them all, as Spark's does.
     */
    private static boolean allInputCommitted(Path chk) throws IOException {
        Path commits = chk.resolve("commits");
        if (!Files.isDirectory(commits)) {
            return false;
        }
        int last;
        try (Stream<Path> s = Files.list(commits)) {
            last = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).mapToInt(Integer::parseInt)
                    .max().orElse(-1);
        }
        if (last < 0) {
            return false;
        }
        List<String> offsets = Files.readAllLines(chk.resolve("offsets").resolve(Integer.toString(last)));
        return offsets.get(offsets.size() - 1).contains("\"logOffset\":" + (FILES - 1) + "}");
    }

    /** Batches in {@code commits/} so far. */
    private static int commits(Path chk) throws IOException {
        Path commits = chk.resolve("commits");
        if (!Files.isDirectory(commits)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(commits)) {
            return (int) s.filter(p -> p.getFileName().toString().matches("\\d+")).count();
        }
    }
}
