package io.tideway.engine.source.file;

import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static io.tideway.engine.source.file.SourceDriver.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileStreamSourceTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path tmp;

    private Path in() throws IOException {
        return Files.createDirectories(tmp.resolve("in"));
    }

    private Path meta() {
        return tmp.resolve("chk/sources/0");
    }

    /** Writes a file in a staging dir, sets its mtime, and moves it atomically into {@code dir}. */
    private Path drop(Path dir, String name, long mtime, String... lines) throws IOException {
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        Path f = staging.resolve(name);
        Files.write(f, List.of(lines));
        assertTrue(f.toFile().setLastModified(mtime));
        Files.createDirectories(dir);
        return Files.move(f, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private SourceDriver text(Map<String, String> extra) throws IOException {
        Map<String, String> o = new HashMap<>(extra);
        o.putIfAbsent("path", in().toString());
        return new SourceDriver(new TextSourceProvider(), null, o, meta());
    }

    @Test
    void filesMovedIntoTheDirectoryArePickedUpBatchByBatch() throws IOException {
        SourceDriver d = text(Map.of());
        assertNull(d.runBatch(), "no files yet: latestOffset is null");
        drop(in(), "a.txt", T0, "a1", "a2");
        assertEquals(List.of("a1", "a2"), column(d.runBatch(), 0));
        assertEquals("{\"logOffset\":0}", d.committed.json());
        assertNull(d.runBatch(), "nothing new: same offset, no batch");
        drop(in(), "b.txt", T0 + 1000, "b1");
        Files.writeString(in().resolve(".hidden.tmp"), "never read\n");
        assertEquals(List.of("b1"), column(d.runBatch(), 0));
        assertEquals("{\"logOffset\":1}", d.committed.json());

        List<String> log0 = Files.readAllLines(meta().resolve("0"));
        assertEquals("v1", log0.get(0));
        assertEquals("{\"path\":\"" + in().resolve("a.txt").toUri() + "\",\"timestamp\":" + T0 + ",\"batchId\":0}",
                log0.get(1));
        assertTrue(log0.get(1).startsWith("{\"path\":\"file:///"));
    }

    @Test
    void maxFilesPerTriggerAdmitsOneFilePerBatchInModificationTimeOrder() throws IOException {
        drop(in(), "c.txt", T0 + 2000, "c");
        drop(in(), "a.txt", T0, "a");
        drop(in(), "b.txt", T0 + 1000, "b");
        SourceDriver d = text(Map.of("maxFilesPerTrigger", "1"));
        assertEquals(List.of("a"), column(d.runBatch(), 0));
        assertEquals(List.of("b"), column(d.runBatch(), 0));
        assertEquals(List.of("c"), column(d.runBatch(), 0));
        assertNull(d.runBatch());
    }

    @Test
    void allAvailableIgnoresMaxFilesPerTrigger() throws IOException {
        drop(in(), "a.txt", T0, "a");
        drop(in(), "b.txt", T0 + 1000, "b");
        SourceDriver d = text(Map.of("maxFilesPerTrigger", "1"));
        assertEquals(List.of("a", "b"), column(d.runBatch(ReadLimit.ALL_AVAILABLE), 0));
    }

    @Test
    void latestFirstReadsNewestFilesFirst() throws IOException {
        drop(in(), "a.txt", T0, "a");
        drop(in(), "b.txt", T0 + 1000, "b");
        drop(in(), "c.txt", T0 + 2000, "c");
        SourceDriver d = text(Map.of("maxFilesPerTrigger", "2", "latestFirst", "true"));
        assertEquals(List.of("c", "b"), column(d.runBatch(), 0));
        assertEquals(List.of("a"), column(d.runBatch(), 0));
    }

    @Test
    void fileNameOnlyDedupesByNameAcrossDirectories() throws IOException {
        Map<String, String> glob = Map.of("path", in().toString() + "/*/*.txt", "fileNameOnly", "true");
        drop(in().resolve("x"), "a.txt", T0, "from x");
        SourceDriver d = text(glob);
        assertEquals(List.of("from x"), column(d.runBatch(), 0));
        drop(in().resolve("y"), "a.txt", T0 + 1000, "from y");
        drop(in().resolve("y"), "b.txt", T0 + 1000, "b from y");
        assertEquals(List.of("b from y"), column(d.runBatch(), 0));

        SourceDriver byPath = new SourceDriver(new TextSourceProvider(), null,
                Map.of("path", in().toString() + "/*/*.txt"), tmp.resolve("chk2"));
        assertEquals(List.of("from x", "from y", "b from y"), column(byPath.runBatch(), 0));
    }

    @Test
    void maxFileAgeSkipsFilesOlderThanTheNewestMinusAgeButNotInTheFirstBatch() throws IOException {
        long hour = 3_600_000L;
        drop(in(), "old.txt", T0, "old");
        drop(in(), "new.txt", T0 + 10 * hour, "new");
        SourceDriver d = text(Map.of("maxFileAge", "1h"));
        assertEquals(List.of("old", "new"), column(d.runBatch(), 0), "first batch ignores maxFileAge");
        drop(in(), "stale.txt", T0 + 8 * hour, "stale");
        drop(in(), "fresh.txt", T0 + 10 * hour - hour / 2, "fresh");
        assertEquals(List.of("fresh"), column(d.runBatch(), 0));
    }

    @Test
    void maxFileAgeIsIgnoredWithLatestFirstAndMaxFiles() throws IOException {
        long hour = 3_600_000L;
        drop(in(), "new.txt", T0 + 10 * hour, "new");
        drop(in(), "old.txt", T0, "old");
        SourceDriver d = text(Map.of("maxFileAge", "1h", "latestFirst", "true", "maxFilesPerTrigger", "1"));
        assertEquals(List.of("new"), column(d.runBatch(), 0));
        assertEquals(List.of("old"), column(d.runBatch(), 0));
    }

    @Test
    void restartContinuesAfterLoggedFilesAndReplaysRangesExactly() throws IOException {
        drop(in(), "a.txt", T0, "a");
        SourceDriver first = text(Map.of());
        assertEquals(List.of("a"), column(first.runBatch(), 0));
        drop(in(), "b.txt", T0 + 1000, "b");
        assertEquals(List.of("b"), column(first.runBatch(), 0));
        drop(in(), "c.txt", T0 + 2000, "c");
        // Crash after latestOffset logged c (offsets/2 written) but before the batch ran.
        Offset planned = first.source.latestOffset(first.committed, ReadLimit.SOURCE_DEFAULT);
        assertEquals("{\"logOffset\":2}", planned.json());
        first.source.stop();

        SourceDriver second = text(Map.of());
        Offset o0 = second.source.deserializeOffset("{\"logOffset\":0}");
        Offset o1 = second.source.deserializeOffset("{\"logOffset\":1}");
        Offset o2 = second.source.deserializeOffset("{\"logOffset\":2}");
        assertEquals(List.of("a"), column(SourceDriver.read(second.source, second.schema, null, o0), 0));
        assertEquals(List.of("b", "c"), column(SourceDriver.read(second.source, second.schema, o0, o2), 0));
        assertEquals(List.of("c"), column(SourceDriver.read(second.source, second.schema, o1, o2), 0));
        second.committed = o2;
        assertNull(second.runBatch(), "a, b and c are known from the log: nothing is read twice");
        drop(in(), "d.txt", T0 + 3000, "d");
        assertEquals(List.of("d"), column(second.runBatch(), 0));
        assertEquals("{\"logOffset\":3}", second.committed.json());
    }

    @Test
    void logCompactionKeepsReplayWorking() throws IOException {
        SourceDriver d = text(Map.of());
        for (int i = 0; i < 12; i++) {
            drop(in(), "f" + i + ".txt", T0 + i * 1000L, "v" + i);
            assertEquals(List.of("v" + i), column(d.runBatch(), 0));
        }
        assertTrue(Files.exists(meta().resolve("9.compact")));
        SourceDriver restarted = text(Map.of());
        Offset o3 = restarted.source.deserializeOffset("{\"logOffset\":3}");
        Offset o11 = restarted.source.deserializeOffset("11");
        assertEquals(8, SourceDriver.read(restarted.source, restarted.schema, o3, o11).size());
        restarted.committed = o11;
        assertNull(restarted.runBatch());
    }

    @Test
    void availableNowReadsOnlyFilesPresentWhenPrepared() throws IOException {
        drop(in(), "a.txt", T0, "a");
        drop(in(), "b.txt", T0 + 1000, "b");
        SourceDriver d = text(Map.of("maxFilesPerTrigger", "1"));
        d.source.prepareForTriggerAvailableNow();
        drop(in(), "c.txt", T0 + 2000, "c");
        assertEquals(List.of("a"), column(d.runBatch(), 0));
        assertEquals(List.of("b"), column(d.runBatch(), 0));
        assertNull(d.runBatch());
    }

    @Test
    void readersRunConcurrentlyOnWorkerThreads() throws Exception {
        for (int i = 0; i < 8; i++) {
            String[] lines = new String[500];
            for (int j = 0; j < lines.length; j++) {
                lines[j] = i + ":" + j;
            }
            drop(in(), "f" + i + ".txt", T0 + i, lines);
        }
        SourceDriver d = text(Map.of());
        Offset end = d.source.latestOffset(null, ReadLimit.SOURCE_DEFAULT);
        List<io.tideway.engine.spi.InputPartition> parts = d.source.planPartitions(null, end);
        assertEquals(8, parts.size());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> counts = new java.util.ArrayList<>();
            for (io.tideway.engine.spi.InputPartition p : parts) {
                counts.add(pool.submit(() -> {
                    int total = 0;
                    try (io.tideway.engine.spi.PartitionReader r = d.source.createReader(p)) {
                        for (int n; (n = r.read((b, o, l) -> { }, 64)) >= 0; ) {
                            total += n;
                        }
                    }
                    return total;
                }));
            }
            for (java.util.concurrent.Future<Integer> c : counts) {
                assertEquals(500, c.get(10, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void wholetextMakesOneRowPerFile() throws IOException {
        drop(in(), "a.txt", T0, "line1", "line2");
        SourceDriver d = text(Map.of("wholetext", "true"));
        List<Row> rows = d.runBatch();
        assertEquals(1, rows.size());
        assertEquals("line1\nline2\n", rows.get(0).get(0));
    }

    @Test
    void descriptionNamesThePath() throws IOException {
        SourceDriver d = text(Map.of());
        assertEquals("FileStreamSource[file:" + in().toAbsolutePath() + "]", d.source.description());
    }

    @Test
    void providersAreFoundByShortName() {
        Map<String, Class<?>> found = new HashMap<>();
        for (SourceProvider p : ServiceLoader.load(SourceProvider.class)) {
            found.put(p.shortName(), p.getClass());
        }
        assertEquals(TextSourceProvider.class, found.get("text"));
        assertEquals(CsvSourceProvider.class, found.get("csv"));
        assertEquals(JsonSourceProvider.class, found.get("json"));
    }

    @Test
    void offsetJsonRoundTrips() {
        assertEquals(new FileStreamSourceOffset(7), FileStreamSourceOffset.parse("{\"logOffset\":7}"));
        assertEquals(new FileStreamSourceOffset(7), FileStreamSourceOffset.parse("7"));
        assertNotNull(FileStreamSourceOffset.parse(new FileStreamSourceOffset(3).json()));
    }

    @Test
    void partitionDirectoriesBecomeTrailingColumnsWithInferredTypes() throws IOException {
        drop(in().resolve("n=7").resolve("d=2024-01-02"), "a.txt", T0, "a");
        drop(in().resolve("n=8").resolve("d=" + PartitionColumns.DEFAULT_PARTITION_NAME), "b.txt", T0 + 1000, "b");
        SourceDriver d = text(Map.of());
        assertEquals("struct<value:string,n:int,d:date>", d.schema.simpleString());
        List<Row> rows = d.runBatch();
        assertEquals(List.of("a", "b"), column(rows, 0));
        assertEquals(List.of(7, 8), column(rows, 1));
        assertEquals(java.sql.Date.valueOf("2024-01-02"), rows.get(0).get(2));
        assertNull(rows.get(1).get(2), "__HIVE_DEFAULT_PARTITION__ is null");
        drop(in().resolve("n=9").resolve("d=2024-01-03"), "c.txt", T0 + 2000, "c");
        assertEquals(List.of(9), column(d.runBatch(), 1), "a directory added later is read with its value");
    }

    @Test
    void userSchemaFixesAPartitionColumnsTypeButNotItsPlace() throws IOException {
        drop(in().resolve("day=01"), "a.txt", T0, "a");
        StructType user = StructType.fromDDL("day STRING, value STRING");
        SourceDriver d = new SourceDriver(new TextSourceProvider(), user, Map.of("path", in().toString()), meta());
        assertEquals("struct<value:string,day:string>", d.schema.simpleString());
        assertEquals(List.of("01"), column(d.runBatch(), 1));
        StructType badType = StructType.fromDDL("value STRING, day BOOLEAN");
        Exception e = assertThrows(Exception.class, () -> new TextSourceProvider()
                .schema(badType, new io.tideway.engine.spi.Options(Map.of("path", in().toString()))));
        assertEquals("[INVALID_PARTITION_VALUE] Failed to cast value '01' to data type \"BOOLEAN\" for partition column"
                + " `day`. Ensure the value matches the expected data type for this partition column. SQLSTATE: 42846",
                e.getMessage());
    }

    @Test
    void nestedPlainDirectoriesAreReadOnlyWithRecursiveFileLookup() throws IOException {
        drop(in(), "top.txt", T0, "top");
        drop(in().resolve("sub").resolve("deeper"), "deep.txt", T0 + 1000, "deep");
        assertEquals(List.of("top"), column(text(Map.of()).runBatch(), 0));
        SourceDriver recursive = new SourceDriver(new TextSourceProvider(), null,
                Map.of("path", in().toString(), "recursiveFileLookup", "true"), tmp.resolve("chk2"));
        assertEquals("struct<value:string>", recursive.schema.simpleString(), "no partition discovery");
        assertEquals(List.of("top", "deep"), column(recursive.runBatch(), 0));
    }

    @Test
    void pathGlobFilterAndGlobsOverDirectories() throws IOException {
        drop(in().resolve("x"), "1.txt", T0, "x1");
        drop(in().resolve("x"), "1.log", T0 + 500, "x1 log");
        drop(in().resolve("y"), "2.txt", T0 + 1000, "y2");
        SourceDriver d = text(Map.of("path", in() + "/*", "pathGlobFilter", "*.txt"));
        assertEquals(List.of("x1", "y2"), column(d.runBatch(), 0));
    }

    @Test
    void lineSepSplitsRecords() throws IOException {
        Files.writeString(in().resolve("a.txt"), "a|b b|c\nd|");
        assertEquals(List.of("a", "b b", "c\nd"), column(text(Map.of("lineSep", "|")).runBatch(), 0));
    }
}
