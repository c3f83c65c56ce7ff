package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactibleFileLogTest {
    @TempDir
    Path dir;

    static FileSourceEntry src(String name, long batch) {
        return new FileSourceEntry("file:///in/" + name, 1700000000000L + batch, batch);
    }

    @Test
    void fileSourceLogExactText() throws Exception {
        FileSourceLog log = new FileSourceLog(dir);
        assertEquals(10, log.compactInterval());
        List<FileSourceEntry> entries = List.of(
                new FileSourceEntry("file:///in/a.json", 1700000000500L, 0),
                new FileSourceEntry("file:///in/b.json", 1700000000600L, 0));
        assertTrue(log.add(0, entries));
        assertEquals("v1\n{\"path\":\"file:///in/a.json\",\"timestamp\":1700000000500,\"batchId\":0}\n"
                + "{\"path\":\"file:///in/b.json\",\"timestamp\":1700000000600,\"batchId\":0}", Files.readString(dir.resolve("0")));
        assertEquals(entries, log.get(0).orElseThrow());
        assertFalse(log.add(0, List.of()));
    }

    @Test
    void compactsEveryIntervalAndMergesOnRead() throws Exception {
        FileSourceLog log = new FileSourceLog(dir, 3);
        List<FileSourceEntry> expected = new ArrayList<>();
        for (long b = 0; b < 7; b++) {
            List<FileSourceEntry> batch = List.of(src("f" + b + "a", b), src("f" + b + "b", b));
            assertTrue(log.add(b, batch));
            expected.addAll(batch);
            assertEquals(expected, log.allEntries(), "after batch " + b);
            assertEquals(b, log.latestBatchId().getAsLong());
        }
        assertTrue(Files.exists(dir.resolve("2.compact")));
        assertTrue(Files.exists(dir.resolve("5.compact")));
        assertFalse(Files.exists(dir.resolve("2")));
        assertTrue(Files.exists(dir.resolve("6")));
        assertEquals(12, log.get(5).orElseThrow().size(), "compact file holds everything up to 5");
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), log.listBatchIds());
        // Reading needs only the latest compaction and later deltas.
        Files.delete(dir.resolve("0"));
        Files.delete(dir.resolve("3"));
        assertEquals(expected, log.allEntries());
    }

    @Test
    void compactionFailsWhenADeltaIsMissing() {
        FileSourceLog log = new FileSourceLog(dir, 3);
        log.add(0, List.of(src("a", 0)));
        CheckpointException e = assertThrows(CheckpointException.class, () -> log.add(2, List.of(src("c", 2))));
        assertTrue(e.getMessage().contains(dir.resolve("1").toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("when compacting batch 2"), e.getMessage());
    }

    @Test
    void fileSinkLogExactTextAndDeleteCompaction() throws Exception {
        FileSinkLog log = FileSinkLog.forOutputDir(dir, 2);
        FileSinkEntry a = FileSinkEntry.added("file:///out/part-00000-5f0c1d2e-c000.snappy.parquet", 512, 1700000001000L);
        assertTrue(log.add(0, List.of(a)));
        assertEquals("v1\n{\"path\":\"file:///out/part-00000-5f0c1d2e-c000.snappy.parquet\",\"size\":512,\"isDir\":false,"
                + "\"modificationTime\":1700000001000,\"blockReplication\":1,\"blockSize\":33554432,\"action\":\"add\"}",
                Files.readString(dir.resolve("_spark_metadata/0")));
        FileSinkEntry b = FileSinkEntry.added("file:///out/b", 10, 5);
        log.add(1, List.of(b, new FileSinkEntry(a.path(), 512, 1700000001000L, FileSinkEntry.DELETE)));
        assertTrue(Files.exists(dir.resolve("_spark_metadata/1.compact")));
        assertEquals(List.of(b), log.allEntries());
        assertEquals(1, log.latestBatchId().getAsLong());
    }

    @Test
    void corruptEntryNamesFile() throws Exception {
        FileSourceLog log = new FileSourceLog(dir);
        Path f = dir.resolve("0");
        for (String text : new String[] {"v1\n{\"path\":\"x\",\"timestamp\":", "v1\n{\"path\":\"x\"}", "v9\n", "x"}) {
            Files.writeString(f, text);
            CheckpointException e = assertThrows(CheckpointException.class, () -> log.get(0), text);
            assertTrue(e.getMessage().contains(f.toAbsolutePath().toString()), e.getMessage());
        }
    }
}
