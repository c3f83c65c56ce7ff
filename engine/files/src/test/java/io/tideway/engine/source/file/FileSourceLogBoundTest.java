package io.tideway.engine.source.file;

import io.tideway.engine.spi.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.tideway.engine.source.file.SourceDriver.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 item 2, source side: a long-running file source keeps {@code sources/0/} bounded
 * (Spark's {@code fileSource.log.*} settings reach the log) and no longer holds every batch's
 * files in memory; replays of old and recent batches still read exactly their files.
 */
class FileSourceLogBoundTest {
    private static final Map<String, String> EAGER = Map.of(
            "spark.sql.streaming.fileSource.log.compactInterval", "5",
            "spark.sql.streaming.fileSource.log.cleanupDelay", "0",
            "spark.sql.streaming.minBatchesToRetain", "2");

    @TempDir
    Path tmp;

    private SourceDriver source(Map<String, String> conf) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        return new SourceDriver(new TextSourceProvider(), null, Map.of("path", in.toString()),
                tmp.resolve("chk/sources/0"), conf);
    }

    private void drop(int i) throws IOException {
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        Path f = Files.write(staging.resolve("f" + i + ".txt"), List.of("v" + i));
        assertTrue(f.toFile().setLastModified(1_700_000_000_000L + i * 1000L));
        Files.move(f, tmp.resolve("in/f" + i + ".txt"));
    }

    private long logFiles() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("chk/sources/0"))) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void sourcesLogStaysBoundedOverManyBatchesAndOldBatchesReplayExactly() throws IOException {
        SourceDriver d = source(EAGER);
        long most = 0;
        for (int i = 0; i < 300; i++) {
            drop(i);
            assertEquals(List.of("v" + i), column(d.runBatch(), 0));
            most = Math.max(most, logFiles());
        }
        assertTrue(most <= 2 + 5 + 1, "sources/0 held " + most + " files at most; expected about retain + interval");
        assertFalse(Files.exists(tmp.resolve("chk/sources/0/0")), "batch 0's own file should be deleted");

        SourceDriver restarted = source(EAGER);
        Offset o3 = restarted.source.deserializeOffset("3");
        Offset o5 = restarted.source.deserializeOffset("5");
        Offset o298 = restarted.source.deserializeOffset("298");
        Offset o299 = restarted.source.deserializeOffset("299");
        assertEquals(List.of("v4", "v5"), column(SourceDriver.read(restarted.source, restarted.schema, o3, o5), 0));
        assertEquals(List.of("v299"), column(SourceDriver.read(restarted.source, restarted.schema, o298, o299), 0));
        restarted.committed = o299;
        drop(300);
        assertEquals(List.of("v300"), column(restarted.runBatch(), 0));
    }

    @Test
    void withDefaultsTheLogKeepsSparksHundredBatches() throws IOException {
        SourceDriver d = source(Map.of("spark.sql.streaming.fileSource.log.cleanupDelay", "0"));
        for (int i = 0; i < 130; i++) {
            drop(i);
            d.runBatch();
        }
        assertTrue(logFiles() <= 100 + 10 + 1, logFiles() + " files");
        assertFalse(Files.exists(tmp.resolve("chk/sources/0/0")));
    }

    @Test
    void theSourceKeepsNoPerBatchFileMap() {
        for (Field f : FileStreamSource.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                assertFalse(Map.class.isAssignableFrom(f.getType()) && !f.getType().equals(SeenFilesMap.class),
                        "FileStreamSource." + f.getName() + " is a map that would grow with every batch");
                assertFalse(List.class.isAssignableFrom(f.getType()), "FileStreamSource." + f.getName());
            }
        }
    }
}
