package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetSeqLogTest {
    static final String WORKED_EXAMPLE = "v1\n"
            + "{\"batchWatermarkMs\":0,\"batchTimestampMs\":1700000000123,\"conf\":{\"spark.sql.shuffle.partitions\":\"200\","
            + "\"spark.sql.streaming.stateStore.providerClass\":\"org.apache.spark.sql.execution.streaming.state.HDFSBackedStateStoreProvider\","
            + "\"spark.sql.streaming.multipleWatermarkPolicy\":\"min\",\"spark.sql.streaming.aggregation.stateFormatVersion\":\"2\"}}\n"
            + "{\"logOffset\":0}\n"
            + "7";

    @TempDir
    Path dir;

    static OffsetSeq workedExample() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.sql.shuffle.partitions", "200");
        conf.put("spark.sql.streaming.stateStore.providerClass",
                "org.apache.spark.sql.execution.streaming.state.HDFSBackedStateStoreProvider");
        conf.put("spark.sql.streaming.multipleWatermarkPolicy", "min");
        conf.put("spark.sql.streaming.aggregation.stateFormatVersion", "2");
        return OffsetSeq.of(new OffsetSeqMetadata(0, 1700000000123L, conf), "{\"logOffset\":0}", "7");
    }

    static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void writesWorkedExampleByteExactAndReadsItBack() throws Exception {
        OffsetSeqLog log = new OffsetSeqLog(dir);
        assertTrue(log.add(0, workedExample()));
        assertEquals(WORKED_EXAMPLE, read(dir.resolve("0")));
        assertEquals(workedExample(), log.get(0).orElseThrow());
    }

    @Test
    void withoutSyncWritesTheSameFileAndStillRefusesAnExistingOne() throws Exception {
        OffsetSeqLog log = new OffsetSeqLog(dir, false);
        assertTrue(log.add(0, workedExample()));
        assertEquals(WORKED_EXAMPLE, read(dir.resolve("0")));
        assertThrows(ConcurrentLogUpdateException.class, () -> log.add(0, workedExample()));
        assertEquals(workedExample(), new OffsetSeqLog(dir, true).get(0).orElseThrow());
    }

    @Test
    void readsSparkWrittenFileAndRewritesIdentically() throws Exception {
        Files.writeString(dir.resolve("3"), WORKED_EXAMPLE);
        OffsetSeqLog log = new OffsetSeqLog(dir);
        OffsetSeq seq = log.get(3).orElseThrow();
        assertEquals(1700000000123L, seq.metadata().batchTimestampMs());
        assertEquals("2", seq.metadata().conf().get("spark.sql.streaming.aggregation.stateFormatVersion"));
        assertEquals(List.of("{\"logOffset\":0}", "7"), seq.offsets());
        log.add(4, seq);
        assertEquals(WORKED_EXAMPLE, read(dir.resolve("4")));
    }

    @Test
    void continuousStyleEmptyMetadataAndMissingOffset() throws Exception {
        String text = "v1\n\n{\"0\":{\"value\":12,\"runTimeMs\":1700000003500},\"1\":{\"value\":13,\"runTimeMs\":1700000003500}}\n-";
        OffsetSeqLog log = new OffsetSeqLog(dir);
        OffsetSeq seq = OffsetSeq.of(null,
                "{\"0\":{\"value\":12,\"runTimeMs\":1700000003500},\"1\":{\"value\":13,\"runTimeMs\":1700000003500}}", null);
        assertTrue(log.add(5, seq));
        assertEquals(text, read(dir.resolve("5")));
        OffsetSeq back = log.get(5).orElseThrow();
        assertNull(back.metadata());
        assertNull(back.offsets().get(1));
        assertEquals(seq, back);
    }

    @Test
    void addNeverOverwritesAndFails() throws Exception {
        OffsetSeqLog log = new OffsetSeqLog(dir);
        assertTrue(log.add(0, workedExample()));
        assertThrows(ConcurrentLogUpdateException.class, () -> log.add(0, OffsetSeq.of(null, "99")));
        assertEquals(WORKED_EXAMPLE, read(dir.resolve("0")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void getOfMissingIdIsEmpty() {
        assertTrue(new OffsetSeqLog(dir).get(42).isEmpty());
    }

    @Test
    void listingIgnoresNonNumericNamesAndGetLatestTakesMax() throws Exception {
        OffsetSeqLog log = new OffsetSeqLog(dir);
        log.add(0, OffsetSeq.of(null, "1"));
        log.add(2, OffsetSeq.of(null, "3"));
        log.add(10, OffsetSeq.of(null, "11"));
        Files.writeString(dir.resolve(".10.crc"), "junk");
        Files.writeString(dir.resolve("11.tmp"), "junk");
        Files.writeString(dir.resolve("-1"), "junk");
        assertEquals(List.of(0L, 2L, 10L), log.listBatchIds());
        LogEntry<OffsetSeq> latest = log.getLatest().orElseThrow();
        assertEquals(10L, latest.batchId());
        assertEquals(List.of("11"), latest.value().offsets());
    }

    @Test
    void getLatestFailsOnCorruptLatestInsteadOfFallingBack() throws Exception {
        OffsetSeqLog log = new OffsetSeqLog(dir);
        log.add(0, workedExample());
        Path bad = dir.resolve("1");
        Files.writeString(bad, "v1\n{\"batchWatermarkMs\":0,\"batchTi");
        CheckpointException e = assertThrows(CheckpointException.class, log::getLatest);
        assertTrue(e.getMessage().contains(bad.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("failed to read log file for batch 1"), e.getMessage());
    }

    @Test
    void newerVersionIsRejectedWithUpgradeMessage() throws Exception {
        Path f = dir.resolve("0");
        Files.writeString(f, "v2\n\n7");
        CheckpointException e = assertThrows(CheckpointException.class, () -> new OffsetSeqLog(dir).get(0));
        assertEquals("Failed to read log file " + f.toAbsolutePath() + ". UnsupportedLogVersion: maximum supported log"
                + " version is v1, but encountered v2. The log file was produced by a newer version of Tideway and"
                + " cannot be read by this version. Please upgrade.", e.getMessage());
    }

    @Test
    void garbledVersionIsMalformed() throws Exception {
        Path f = dir.resolve("0");
        Files.writeString(f, "version1\n\n7");
        CheckpointException e = assertThrows(CheckpointException.class, () -> new OffsetSeqLog(dir).get(0));
        assertEquals("Failed to read log file " + f.toAbsolutePath()
                + ". Log file was malformed: failed to read correct log version from version1.", e.getMessage());
        Files.writeString(f, "vX\n\n7");
        e = assertThrows(CheckpointException.class, () -> new OffsetSeqLog(dir).get(0));
        assertTrue(e.getMessage().endsWith("failed to read correct log version from vX."), e.getMessage());
    }

    @Test
    void truncatedFilesNameTheFile() throws Exception {
        OffsetSeqLog log = new OffsetSeqLog(dir);
        Path f = dir.resolve("0");
        for (String text : new String[] {"", "v1", "v1\n{\"batchWatermarkMs\":", "v1\n\n{\"logOffset\":", "v1\n\n7 8"}) {
            Files.writeString(f, text);
            CheckpointException e = assertThrows(CheckpointException.class, () -> log.get(0), text);
            assertTrue(e.getMessage().contains(f.toAbsolutePath().toString()), e.getMessage());
        }
    }

    @Test
    void purgeDeletesBelowThreshold() {
        OffsetSeqLog log = new OffsetSeqLog(dir);
        for (long i = 0; i < 5; i++) {
            log.add(i, OffsetSeq.of(null, Long.toString(i)));
        }
        log.purge(3);
        assertEquals(List.of(3L, 4L), log.listBatchIds());
    }

    @Test
    void rangeReadRequiresContiguousIds() {
        OffsetSeqLog log = new OffsetSeqLog(dir);
        log.add(0, OffsetSeq.of(null, "0"));
        log.add(1, OffsetSeq.of(null, "1"));
        log.add(4, OffsetSeq.of(null, "4"));
        assertEquals(2, log.getRange(0, 1).size());
        CheckpointException e = assertThrows(CheckpointException.class, () -> log.getRange(0, 4));
        assertTrue(e.getMessage().startsWith("batches (2, 3) don't exist (startId: 0, endId: 4)"), e.getMessage());
    }
}
