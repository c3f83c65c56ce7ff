package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 5, checkpoint side: a write that finds its batch file fails like Spark, and a
 * checkpoint whose commits are ahead of its offsets is refused before anything is written.
 */
class LogWriteConflictTest {
    @TempDir
    Path root;

    static OffsetSeq offsets(long b) {
        return OffsetSeq.of(new OffsetSeqMetadata(0, 1000 + b, Map.of()), Long.toString(b));
    }

    @Test
    void aSecondCommitOfOneBatchFailsWithSparksMessageAndLeavesTheFile() throws Exception {
        CheckpointDir cp = CheckpointDir.open(root);
        assertTrue(cp.commits().add(0, new CommitMetadata(7)));
        String before = Files.readString(root.resolve("commits/0"));
        ConcurrentLogUpdateException e = assertThrows(ConcurrentLogUpdateException.class,
                () -> cp.commits().add(0, new CommitMetadata(9)));
        assertEquals("[CONCURRENT_STREAM_LOG_UPDATE] Concurrent update to the log. Multiple streaming jobs detected for 0."
                + "\nPlease make sure only one streaming job runs on a specific checkpoint location at a time."
                + " SQLSTATE: 40000 The batch file " + root.resolve("commits/0") + " already exists.", e.getMessage());
        assertEquals("CONCURRENT_STREAM_LOG_UPDATE", e.errorClass());
        assertEquals(0, e.batchId());
        assertEquals(root.resolve("commits/0"), e.file());
        assertEquals(before, Files.readString(root.resolve("commits/0")));
        assertEquals(7, cp.commits().get(0).orElseThrow().nextBatchWatermarkMs());
        assertNoTempFiles(root.resolve("commits"));
    }

    @Test
    void aSecondOffsetsWriteOfOneBatchFails() {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.offsets().add(3, offsets(3));
        ConcurrentLogUpdateException e = assertThrows(ConcurrentLogUpdateException.class,
                () -> cp.offsets().write(3, offsets(4)));
        assertTrue(e.getMessage().contains(root.resolve("offsets/3").toString()), e.getMessage());
        assertEquals(offsets(3), cp.offsets().get(3).orElseThrow());
    }

    @Test
    void fileLogsFailOnWriteAndKeepAddsBooleanForTheirCallers() {
        FileSinkLog sink = FileSinkLog.forOutputDir(root, 3);
        FileSinkEntry f = FileSinkEntry.added("file:///out/a", 1, 1);
        sink.write(0, List.of(f));
        assertFalse(sink.add(0, List.of(f)));
        assertThrows(ConcurrentLogUpdateException.class, () -> sink.write(0, List.of(f)));
        sink.write(1, List.of(f));
        sink.write(2, List.of(f)); // a compaction batch through write
        assertTrue(Files.exists(sink.dir().resolve("2.compact")));
        assertEquals(3, sink.allEntries().size());
        ConcurrentLogUpdateException e = assertThrows(ConcurrentLogUpdateException.class, () -> sink.write(2, List.of(f)));
        assertEquals(sink.dir().resolve("2.compact"), e.file());
    }

    @Test
    void sourcePrivateValuesKeepFirstWriterWins() {
        SourceMetadataLog log = new SourceMetadataLog(root.resolve("sources/0"));
        assertTrue(log.add(0, "1700000000000"));
        assertFalse(log.add(0, "1800000000000"));
        assertEquals("1700000000000", log.get(0).orElseThrow());
    }

    @Test
    void deletedOffsetsAreRefusedAtStartNamingBothFiles() throws Exception {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.readOrCreateMetadata(UUID.randomUUID());
        for (long b = 0; b <= 5; b++) {
            cp.offsets().add(b, offsets(b));
            cp.commits().add(b, new CommitMetadata(0));
        }
        // the reproduction: the user deletes offsets/ and restarts
        try (Stream<Path> files = Files.list(root.resolve("offsets"))) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        CheckpointException e = assertThrows(CheckpointException.class, cp::requireCommitsNotAheadOfOffsets);
        assertTrue(e.getMessage().startsWith("batch 5 was committed (" + root.resolve("commits/5") + ") but there are no offsets ("
                + root.resolve("offsets") + " is empty)"), e.getMessage());
        assertThrows(CheckpointException.class, cp::recover, "micro-batch recovery refuses it too");
        assertTrue(cp.offsets().listBatchIds().isEmpty(), "nothing written");

        cp.offsets().add(0, offsets(0)); // a run that got as far as writing offsets/0
        e = assertThrows(CheckpointException.class, cp::recover);
        assertTrue(e.getMessage().startsWith("batch 5 was committed (" + root.resolve("commits/5")
                + ") but the latest offsets are for batch 0 (" + root.resolve("offsets/0") + ")"), e.getMessage());
    }

    @Test
    void consistentCheckpointsPass() {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.requireCommitsNotAheadOfOffsets();
        cp.offsets().add(0, offsets(0));
        cp.requireCommitsNotAheadOfOffsets();
        cp.commits().add(0, new CommitMetadata(0));
        cp.offsets().add(1, offsets(1));
        cp.requireCommitsNotAheadOfOffsets();
        assertEquals(1, cp.recover().nextBatchId());
        assertTrue(cp.recover().isRerun());
    }

    static void assertNoTempFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
    }
}
