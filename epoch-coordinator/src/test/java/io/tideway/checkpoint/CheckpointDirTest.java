package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirTest {
    @TempDir
    Path root;

    static OffsetSeq offsets(long watermark, String... offs) {
        return OffsetSeq.of(new OffsetSeqMetadata(watermark, 1000 + watermark, Map.of()), offs);
    }

    @Test
    void metadataFileWrittenOnceCompactNoNewline() throws Exception {
        CheckpointDir cp = CheckpointDir.open(root.resolve("cp"));
        UUID id = UUID.fromString("7b1d6c5e-2a44-4f0e-9d55-3c1f8b3b9f21");
        assertEquals(id, cp.readOrCreateMetadata(id));
        assertEquals("{\"id\":\"7b1d6c5e-2a44-4f0e-9d55-3c1f8b3b9f21\"}", Files.readString(cp.metadataFile()));
        assertEquals(id, CheckpointDir.open(root.resolve("cp")).readOrCreateMetadata(UUID.randomUUID()));
        assertEquals(id.toString(), cp.queryId());
        assertTrue(Files.isDirectory(cp.root().resolve("offsets")));
        assertTrue(Files.isDirectory(cp.root().resolve("commits")));
    }

    @Test
    void missingMetadataWithLogsFails() {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.offsets().add(0, offsets(0, "1"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> cp.readOrCreateMetadata(UUID.randomUUID()));
        assertTrue(e.getMessage().contains("MISSING_METADATA_FILE"), e.getMessage());
        assertTrue(e.getMessage().contains(root.resolve("metadata").toAbsolutePath().toString()), e.getMessage());
        assertFalse(Files.exists(cp.metadataFile()));
    }

    @Test
    void queryIdWithoutMetadataAndCorruptMetadataNameFile() throws Exception {
        CheckpointDir cp = CheckpointDir.open(root);
        CheckpointException e = assertThrows(CheckpointException.class, cp::queryId);
        assertTrue(e.getMessage().contains(cp.metadataFile().toString()), e.getMessage());
        Files.writeString(cp.metadataFile(), "{\"id\":\"7b1d6c5e-2a44");
        e = assertThrows(CheckpointException.class, cp::queryId);
        assertTrue(e.getMessage().contains(cp.metadataFile().toString()), e.getMessage());
    }

    @Test
    void layoutPaths() {
        CheckpointDir cp = CheckpointDir.open(root);
        Path abs = root.toAbsolutePath();
        assertEquals(abs.resolve("sources/1"), cp.sourceDir(1));
        assertEquals(abs.resolve("state/0/7"), cp.stateDir(0, 7));
        assertEquals(abs.resolve("state/0/7"), cp.stateDir(0, 7, CheckpointDir.DEFAULT_STORE));
        assertEquals(abs.resolve("state/2/3/left-keyToNumValues"), cp.stateDir(2, 3, "left-keyToNumValues"));
        cp.sourceMetadataLog(0).add(0, "1700000000000");
        assertTrue(Files.exists(abs.resolve("sources/0/0")));
    }

    @Test
    void recoverFreshQuery() {
        RecoveryPoint p = CheckpointDir.open(root).recover();
        assertEquals(RecoveryPoint.fresh(), p);
        assertFalse(p.isRerun());
    }

    @Test
    void recoverAfterCommittedBatch() {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.offsets().add(0, offsets(0, "3"));
        cp.commits().add(0, new CommitMetadata(0));
        cp.offsets().add(1, offsets(100, "7"));
        cp.commits().add(1, new CommitMetadata(250));
        RecoveryPoint p = cp.recover();
        assertEquals(2, p.nextBatchId());
        assertEquals(offsets(100, "7"), p.committedOffsets());
        assertNull(p.rerunOffsets());
        assertFalse(p.isRerun());
        assertEquals(250, p.watermarkMs());
    }

    @Test
    void committedWatermarkIsMaxOfOffsetsAndCommit() {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.offsets().add(0, offsets(500, "3"));
        cp.commits().add(0, new CommitMetadata(0));
        assertEquals(500, cp.recover().watermarkMs());
    }

    @Test
    void recoverRerunsUncommittedBatch() {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.offsets().add(0, offsets(0, "3"));
        cp.commits().add(0, new CommitMetadata(40));
        cp.offsets().add(1, offsets(40, "7"));
        RecoveryPoint p = cp.recover();
        assertEquals(1, p.nextBatchId());
        assertTrue(p.isRerun());
        assertEquals(offsets(0, "3"), p.committedOffsets());
        assertEquals(offsets(40, "7"), p.rerunOffsets());
        assertEquals(1040, p.rerunOffsets().metadata().batchTimestampMs());
        assertEquals(40, p.watermarkMs());
    }

    @Test
    void recoverRerunsBatchZero() {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.offsets().add(0, offsets(0, "3"));
        RecoveryPoint p = cp.recover();
        assertEquals(0, p.nextBatchId());
        assertNull(p.committedOffsets());
        assertEquals(offsets(0, "3"), p.rerunOffsets());
    }

    @Test
    void commitsLaggingByMoreThanOneStillRerunLatest() {
        CheckpointDir cp = CheckpointDir.open(root);
        for (long i = 0; i <= 3; i++) {
            cp.offsets().add(i, offsets(0, Long.toString(i)));
        }
        cp.commits().add(0, new CommitMetadata(0));
        RecoveryPoint p = cp.recover();
        assertEquals(3, p.nextBatchId());
        assertEquals(OffsetSeq.of(new OffsetSeqMetadata(0, 1000, Map.of()), "2"), p.committedOffsets());
        assertTrue(p.isRerun());
    }

    @Test
    void gapInOffsetsFailsNamingMissingFile() {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.offsets().add(0, offsets(0, "1"));
        cp.commits().add(0, new CommitMetadata(0));
        cp.offsets().add(2, offsets(0, "3"));
        CheckpointException e = assertThrows(CheckpointException.class, cp::recover);
        assertTrue(e.getMessage().startsWith("batch 1 doesn't exist"), e.getMessage());
        assertTrue(e.getMessage().contains(cp.root().resolve("offsets/1").toString()), e.getMessage());
    }

    @Test
    void commitAheadOfOffsetsFails() {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.offsets().add(0, offsets(0, "1"));
        cp.commits().add(1, new CommitMetadata(0));
        assertThrows(CheckpointException.class, cp::recover);
    }

    @Test
    void corruptLatestOffsetsFailsRecovery() throws Exception {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.offsets().add(0, offsets(0, "1"));
        Files.writeString(cp.root().resolve("offsets/1"), "v1\n{");
        CheckpointException e = assertThrows(CheckpointException.class, cp::recover);
        assertTrue(e.getMessage().contains(cp.root().resolve("offsets/1").toString()), e.getMessage());
    }

    @Test
    void continuousRecoveryResumesAfterLatestCommitIgnoringUncommittedOffsets() {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.offsets().add(0, offsets(0, "{\"0\":1}"));
        cp.commits().add(0, new CommitMetadata(0));
        cp.offsets().add(1, offsets(0, "{\"0\":2}"));
        RecoveryPoint p = cp.recoverContinuous();
        assertEquals(1, p.nextBatchId());
        assertEquals("{\"0\":1}", p.committedOffsets().offsets().get(0));
        assertFalse(p.isRerun());
        assertThrows(ConcurrentLogUpdateException.class, () -> cp.offsets().add(1, offsets(0, "{\"0\":9}")),
                "an uncommitted epoch's offsets are purged (purgeAfter) before it is written again");
        cp.offsets().purgeAfter(0);
        assertTrue(cp.offsets().add(1, offsets(0, "{\"0\":9}")));
    }

    @Test
    void continuousCommitWithoutOffsetsFails() {
        CheckpointDir cp = CheckpointDir.open(root);
        cp.commits().add(3, new CommitMetadata(0));
        CheckpointException e = assertThrows(CheckpointException.class, cp::recoverContinuous);
        assertTrue(e.getMessage().startsWith("Batch 3 was committed without end epoch offsets!"), e.getMessage());
        assertTrue(e.getMessage().contains(cp.root().resolve("offsets/3").toString()), e.getMessage());
    }

    @Test
    void purgeLogsDropsBothLogs() {
        CheckpointDir cp = CheckpointDir.open(root);
        for (long i = 0; i < 4; i++) {
            cp.offsets().add(i, offsets(0, "1"));
            cp.commits().add(i, new CommitMetadata(0));
        }
        cp.purgeLogs(2);
        assertEquals(java.util.List.of(2L, 3L), cp.offsets().listBatchIds());
        assertEquals(java.util.List.of(2L, 3L), cp.commits().listBatchIds());
    }
}
