package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: temp files left by kill -9 are removed when the checkpoint is opened. */
class StaleTempFilesTest {
    @TempDir
    Path root;

    /** A pid no process has: a child that has already exited. */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return p.pid();
    }

    static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void openingTheCheckpointRemovesDeadWritersTempFilesOnly() throws Exception {
        long dead = deadPid();
        long live = ProcessHandle.current().pid();
        Path offsets = Files.createDirectories(root.resolve("offsets"));
        Path commits = Files.createDirectories(root.resolve("commits"));
        Path sink = Files.createDirectories(root.resolve("out/_spark_metadata"));
        Files.writeString(offsets.resolve("0"), "v1\n\n1");
        Files.writeString(offsets.resolve(".1." + dead + "-7.tmp"), "v1\n");
        Files.writeString(offsets.resolve(".1." + live + "-8.tmp"), "v1\n"); // this JVM: maybe in flight
        Files.writeString(commits.resolve(".0." + dead + "-1.tmp"), "");
        Files.writeString(root.resolve(".metadata." + dead + "-2.tmp"), "{");
        Files.writeString(root.resolve(".hidden"), "not ours");
        Files.writeString(sink.resolve(".3.compact." + dead + "-4.tmp"), "v1");

        CheckpointDir cp = CheckpointDir.open(root);
        assertEquals(List.of(".1." + live + "-8.tmp", "0"), names(offsets));
        assertEquals(List.of(), names(commits));
        assertEquals(List.of(".hidden", "commits", "offsets", "out"), names(root));
        assertEquals(List.of(0L), cp.offsets().listBatchIds());

        FileSinkLog.forOutputDir(root.resolve("out"), 10);
        assertEquals(List.of(), names(sink));
    }

    @Test
    void stateDirectoriesAreCleanedOnRequest() throws Exception {
        long dead = deadPid();
        Path part = Files.createDirectories(root.resolve("state/0/3"));
        Files.writeString(part.resolve("1.delta"), "x");
        Files.writeString(part.resolve(".2.delta." + dead + "-5.tmp"), "half");
        assertEquals(1, StateFiles.removeStaleTempFiles(part));
        assertEquals(List.of("1.delta"), names(part));
        assertEquals(0, StateFiles.removeStaleTempFiles(root.resolve("state/0/9")), "a missing directory is fine");
    }

    @Test
    void tempFileNames() {
        assertEquals(OptionalLong.of(123), StaleTempFiles.writerPid(".9.compact.123-45.tmp"));
        assertEquals(OptionalLong.of(123), StaleTempFiles.writerPid(".0.123-1.tmp"));
        for (String other : new String[] {".hidden", "0", ".0.tmp", ".0.abc-1.tmp", ".0.123-.tmp", ".123-1.tmp", "x.1-2.tmp"}) {
            assertTrue(StaleTempFiles.writerPid(other).isEmpty(), other);
        }
    }
}
