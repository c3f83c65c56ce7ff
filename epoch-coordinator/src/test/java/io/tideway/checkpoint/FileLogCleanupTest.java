package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 2: the file source and file sink logs delete what compaction made obsolete, stay
 * readable afterwards (also by a restarted log and by a reader racing the cleanup), and a
 * restarted log reads what Spark's reader reads.
 */
class FileLogCleanupTest {
    @TempDir
    Path dir;

    /** Interval 10, delete at once, keep 5 batches: at most 5 + 10 + 1 files at any time. */
    static final FileLogSettings EAGER = new FileLogSettings(10, true, 0, 5);
    static final int BOUND = 5 + 10 + 1;

    static List<FileSourceEntry> batch(long b) {
        return List.of(new FileSourceEntry("file:///in/f" + b + "a.json", 1_700_000_000_000L + b, b),
                new FileSourceEntry("file:///in/f" + b + "b.json", 1_700_000_000_000L + b, b));
    }

    static long logFiles(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void thousandsOfBatchesKeepTheSourceLogBoundedAndReadable() throws Exception {
        FileSourceLog log = new FileSourceLog(dir, EAGER, () -> Long.MAX_VALUE / 2);
        List<FileSourceEntry> expected = new ArrayList<>();
        long maxFiles = 0;
        for (long b = 0; b < 2000; b++) {
            assertTrue(log.add(b, batch(b)));
            expected.addAll(batch(b));
            maxFiles = Math.max(maxFiles, logFiles(dir));
            if (b % 97 == 0 || b == 1999) {
                assertEquals(expected, log.allEntries(), "after batch " + b);
                assertEquals(batch(b), log.getRange(b, b).get(0).value());
            }
        }
        assertTrue(maxFiles <= BOUND, "log kept " + maxFiles + " files");
        assertEquals(1999, log.latestBatchId().getAsLong());
        // a batch whose own file is long gone is answered from the latest compaction
        FileSourceLog restarted = new FileSourceLog(dir, EAGER);
        assertTrue(Files.notExists(dir.resolve("17")));
        List<LogEntry<List<FileSourceEntry>>> old = restarted.getRange(17, 18);
        assertEquals(List.of(new LogEntry<>(17L, batch(17)), new LogEntry<>(18L, batch(18))), old);
        assertThrows(CheckpointException.class, () -> restarted.getRange(1999, 2000));
    }

    @Test
    void restartInTheMiddleReadsWhatSparksReaderReads() throws Exception {
        FileSourceLog first = new FileSourceLog(dir, EAGER, () -> Long.MAX_VALUE / 2);
        List<FileSourceEntry> expected = new ArrayList<>();
        for (long b = 0; b < 777; b++) {
            first.add(b, batch(b));
            expected.addAll(batch(b));
        }
        // A restart configured with another interval keeps the one the files were written with.
        FileSourceLog restarted = new FileSourceLog(dir, new FileLogSettings(7, true, 0, 5), () -> Long.MAX_VALUE / 2);
        assertEquals(10, restarted.compactInterval());
        assertEquals(expected, restarted.allEntries());
        assertEquals(expected, sparkAllFiles(dir, 10));
        assertEquals(expected, restarted.restore());
        assertEquals(batch(776), restarted.getRange(776, 776).get(0).value());
        for (long b = 777; b < 1600; b++) {
            restarted.add(b, batch(b));
            expected.addAll(batch(b));
            assertTrue(logFiles(dir) <= BOUND);
        }
        assertTrue(Files.exists(dir.resolve("1599.compact")));
        assertEquals(expected, sparkAllFiles(dir, 10));
        assertEquals(expected, new FileSourceLog(dir).allEntries());
    }

    /**
     * Spark's {@code CompactibleFileStreamLog.allFiles}, written out: the batches
     * {@code getAllValidBatches(latestId, compactInterval)} names, read in order.
     */
    static List<FileSourceEntry> sparkAllFiles(Path dir, int interval) throws IOException {
        long latest;
        try (Stream<Path> s = Files.list(dir)) {
            latest = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .mapToLong(n -> Long.parseLong(n.replace(".compact", ""))).max().orElse(-1);
        }
        List<FileSourceEntry> out = new ArrayList<>();
        for (long id = Math.max(0, (latest + 1) / interval * interval - 1); id <= latest; id++) {
            String name = (id + 1) % interval == 0 ? id + ".compact" : Long.toString(id);
            List<String> lines = Files.readAllLines(dir.resolve(name));
            assertEquals("v1", lines.get(0));
            FileSourceLog parser = new FileSourceLog(dir.resolveSibling("parser"));
            out.addAll(parser.deserialize(String.join("\n", lines), dir.resolve(name)));
        }
        return out;
    }

    @Test
    void filesYoungerThanTheCleanupDelayStay() throws Exception {
        AtomicLong now = new AtomicLong(0); // every file looks younger than the delay
        FileSourceLog log = new FileSourceLog(dir, new FileLogSettings(10, true, 600_000, 5), now::get);
        for (long b = 0; b < 60; b++) {
            log.add(b, batch(b));
        }
        assertEquals(60, logFiles(dir));
        now.set(Long.MAX_VALUE / 2);
        log.add(60, batch(60));
        assertTrue(logFiles(dir) <= BOUND, logFiles(dir) + " files");
        assertEquals(122, log.allEntries().size());
    }

    @Test
    void deletionOffKeepsEveryFile() throws Exception {
        FileSourceLog log = new FileSourceLog(dir, new FileLogSettings(10, false, 0, 5), () -> Long.MAX_VALUE / 2);
        for (long b = 0; b < 45; b++) {
            log.add(b, batch(b));
        }
        assertEquals(45, logFiles(dir));
    }

    @Test
    void sinkLogIsBoundedAndItsReaderSeesEveryCommittedFile() throws Exception {
        FileSinkLog log = new FileSinkLog(dir.resolve(FileSinkLog.METADATA_DIR), EAGER, () -> Long.MAX_VALUE / 2);
        List<FileSinkEntry> expected = new ArrayList<>();
        for (long b = 0; b < 1500; b++) {
            FileSinkEntry f = FileSinkEntry.added("file:///out/part-" + b, b, 1_700_000_000_000L + b);
            log.add(b, List.of(f));
            expected.add(f);
            assertTrue(logFiles(log.dir()) <= BOUND);
        }
        assertEquals(expected, FileSinkLog.forOutputDir(dir, FileLogSettings.DEFAULTS).allEntries());
    }

    @Test
    void aReaderRacingTheCleanupAlwaysSeesACompletePrefix() throws Exception {
        FileSinkLog writer = new FileSinkLog(dir, new FileLogSettings(3, true, 0, 1), () -> Long.MAX_VALUE / 2);
        writer.add(0, List.of(FileSinkEntry.added("file:///out/0", 0, 0)));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong written = new AtomicLong(1);
        Thread reader = new Thread(() -> {
            try {
                while (written.get() < 600) {
                    List<FileSinkEntry> seen = new FileSinkLog(dir, 3).allEntries();
                    for (int i = 0; i < seen.size(); i++) {
                        assertEquals("file:///out/" + i, seen.get(i).path());
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        for (long b = 1; b < 600; b++) {
            writer.add(b, List.of(FileSinkEntry.added("file:///out/" + b, b, b)));
            written.set(b + 1);
        }
        reader.join();
        if (failure.get() != null) {
            throw new AssertionError("reader failed", failure.get());
        }
        assertEquals(600, writer.allEntries().size());
    }

    @Test
    void compactIntervalOfAnExistingLog() {
        // Spark's examples (CompactibleFileStreamLogSuite): one .compact file
        assertEquals(6, CompactibleFileLog.deriveCompactInterval(5, List.of(11L)));
        assertEquals(12, CompactibleFileLog.deriveCompactInterval(7, List.of(11L)));
        assertEquals(4, CompactibleFileLog.deriveCompactInterval(10, List.of(3L)));
        assertEquals(10, CompactibleFileLog.deriveCompactInterval(10, List.of(9L)));
        assertEquals(20, CompactibleFileLog.deriveCompactInterval(10, List.of(19L)));
        assertEquals(10, CompactibleFileLog.deriveCompactInterval(3, List.of(29L, 19L)));
        assertEquals(3, CompactibleFileLog.deriveCompactInterval(3, List.of()));
        // 769.compact then 770..776: Spark's 7 would make 776 a compaction batch it never was
        assertEquals(7, CompactibleFileLog.deriveCompactInterval(7, List.of(769L), 769));
        assertEquals(10, CompactibleFileLog.deriveCompactInterval(7, List.of(769L), 776));
    }

    @Test
    void settingsFromTheSessionConf() {
        assertEquals(FileLogSettings.DEFAULTS, FileLogSettings.fileSource(Map.of()));
        FileLogSettings s = FileLogSettings.fileSink(Map.of(
                "spark.sql.streaming.fileSink.log.compactInterval", "5",
                "spark.sql.streaming.fileSink.log.deletion", "false",
                "spark.sql.streaming.fileSink.log.cleanupDelay", "2m",
                "spark.sql.streaming.minBatchesToRetain", "7",
                "spark.sql.streaming.fileSource.log.compactInterval", "99"));
        assertEquals(new FileLogSettings(5, false, 120_000, 7), s);
        assertEquals(1500, FileLogSettings.fileSource(Map.of("spark.sql.streaming.fileSource.log.cleanupDelay", "1500"))
                .cleanupDelayMs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FileLogSettings.fileSource(
                Map.of("spark.sql.streaming.fileSource.log.compactInterval", "0")));
        assertEquals("Please set spark.sql.streaming.fileSource.log.compactInterval (was 0) to a positive value.",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FileLogSettings.fileSource(
                Map.of("spark.sql.streaming.minBatchesToRetain", "0")));
        assertTrue(e.getMessage().contains("spark.sql.streaming.minBatchesToRetain"), e.getMessage());
    }

    @Test
    void purgeIsUnsupportedOnCompactibleLogs() {
        FileSourceLog log = new FileSourceLog(dir);
        assertThrows(UnsupportedOperationException.class, () -> log.purge(5));
    }
}
