package io.tideway.continuous;

import io.tideway.sql.ForeachWriter;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A continuous query in a child JVM killed with SIGKILL mid-stream, then restarted on its
 * checkpoint: every value the rate source produced before the kill reaches the sink
 * (at-least-once; the values of the epoch in flight come again).
 */
class ContinuousKillJvmTest {
    /** Appends each value as a line to {@code <dir>/values-<partition>-<epoch>}; one file per writer copy. */
    static final class ValueFileWriter extends ForeachWriter<Row> {
        private static final long serialVersionUID = 1L;
        private final String dir;
        private transient StringBuilder lines;
        private transient Path file;

        ValueFileWriter(String dir) {
            this.dir = dir;
        }

        @Override
        public boolean open(long partitionId, long epochId) {
            lines = new StringBuilder();
            file = Path.of(dir, "values-" + partitionId + "-" + epochId + "-" + System.nanoTime());
            return true;
        }

        @Override
        public void process(Row row) {
            lines.append(row.getLong(0)).append('\n');
            if (lines.length() > 4096) {
                flush();
            }
        }

        private void flush() {
            try {
                Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lines.setLength(0);
        }

        @Override
        public void close(Throwable error) {
            flush();
        }
    }

    static StreamingQuery start(TidewaySession spark, String out, String chk) throws Exception {
        return spark.readStream().format("rate").option("rowsPerSecond", 2000).option("numPartitions", 1).load()
                .select("value")
                .writeStream().foreach(new ValueFileWriter(out))
                .option("checkpointLocation", chk)
                .trigger(Trigger.Continuous("200 milliseconds"))
                .start();
    }

    /** Child JVM entry point: runs the query until killed. */
    public static void main(String[] args) throws Exception {
        TidewaySession spark = TidewaySession.builder().appName("child").getOrCreate();
        start(spark, args[0], args[1]).awaitTermination();
    }

    private static BitSet values(Path out) throws IOException {
        BitSet seen = new BitSet();
        try (var files = Files.list(out)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        seen.set(Integer.parseInt(line.trim()));
                    }
                }
            }
        }
        return seen;
    }

    private static long commits(Path chk) {
        try (var files = Files.list(chk.resolve("commits"))) {
            return files.filter(p -> p.getFileName().toString().matches("\\d+")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void aKilledContinuousQueryLosesNoValueAfterRestart(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path chk = dir.resolve("chk");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String f : System.getProperty("tideway.jvm.flags", "").split(" ")) {
            if (!f.isBlank()) {
                cmd.add(f);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ContinuousKillJvmTest.class.getName(),
                out.toString(), chk.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (commits(chk) < 3 && System.nanoTime() < deadline && child.isAlive()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            assertTrue(commits(chk) >= 3, "the child committed epochs: " + Files.readString(dir.resolve("child.log")));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        BitSet beforeKill = values(out);
        int highest = beforeKill.length() - 1;
        assertTrue(highest > 0, "the child wrote values before the kill");

        TidewaySession spark = TidewaySession.builder().appName("restart").getOrCreate();
        try {
            StreamingQuery q = start(spark, out.toString(), chk.toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values(out).nextClearBit(0) <= highest && System.nanoTime() < deadline && q.isActive()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            q.stop();
        } finally {
            spark.stop();
        }
        BitSet after = values(out);
        assertTrue(after.nextClearBit(0) > highest, "every value up to " + highest + " (the highest before the kill) arrived; first "
                + "missing: " + after.nextClearBit(0));
    }
}
