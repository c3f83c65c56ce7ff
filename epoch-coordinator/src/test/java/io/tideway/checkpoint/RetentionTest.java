package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 item 1, the checkpoint half: retention never deletes the newest batch. */
class RetentionTest {
    @TempDir
    Path dir;

    private CheckpointDir committed(int batches) {
        CheckpointDir cp = CheckpointDir.open(dir);
        cp.readOrCreateMetadata(java.util.UUID.randomUUID());
        for (long b = 0; b < batches; b++) {
            cp.offsets().add(b, OffsetSeq.of(new OffsetSeqMetadata(0, 1000 + b, Map.of()), Long.toString(b)));
            cp.commits().add(b, new CommitMetadata(0));
        }
        return cp;
    }

    @Test
    void purgeKeepsTheNewestEntryWhateverItIsAsked() {
        CheckpointDir cp = committed(5);
        cp.purgeLogs(Long.MAX_VALUE);
        assertEquals(List.of(4L), cp.offsets().listBatchIds());
        assertEquals(List.of(4L), cp.commits().listBatchIds());
        RecoveryPoint r = cp.recover();
        assertEquals(5, r.nextBatchId(), "the restart resumes after batch 4, not as a new query");
        assertFalse(r.isRerun());
    }

    @Test
    void theIssuesZeroRetentionCallNoLongerEmptiesTheLogs() {
        // what MicroBatchExecution computed with minBatchesToRetain = 0 after batch 2: purge below 3
        CheckpointDir cp = committed(3);
        cp.purgeLogs(2 - 0 + 1);
        assertEquals(List.of(2L), cp.offsets().listBatchIds());
        assertEquals(List.of(2L), cp.commits().listBatchIds());
        assertEquals(3, cp.recover().nextBatchId());
    }

    @Test
    void retentionKeepsTheLatestBatches() {
        CheckpointDir cp = committed(10);
        cp.purgeLogs(9, 3);
        assertEquals(List.of(7L, 8L, 9L), cp.offsets().listBatchIds());
        assertEquals(List.of(7L, 8L, 9L), cp.commits().listBatchIds());
        cp.purgeLogs(9, 1);
        assertEquals(List.of(9L), cp.offsets().listBatchIds());
        cp.purgeLogs(9, 100);
        assertEquals(List.of(9L), cp.commits().listBatchIds());
    }

    @Test
    void retentionBelowOneIsRefusedNamingTheSetting() {
        CheckpointDir cp = committed(3);
        for (int bad : new int[] {0, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cp.purgeLogs(2, bad));
            assertEquals("requirement failed: minBatchesToRetain has to be positive "
                    + "(spark.sql.streaming.minBatchesToRetain is " + bad + ")", e.getMessage());
        }
        assertEquals(List.of(0L, 1L, 2L), cp.offsets().listBatchIds(), "nothing purged by a refused call");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Retention.parse("0"));
        assertTrue(e.getMessage().contains("spark.sql.streaming.minBatchesToRetain"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Retention.parse("ten"));
        assertEquals("spark.sql.streaming.minBatchesToRetain should be int, but was ten", e.getMessage());
        assertEquals(100, Retention.parse("100"));
    }

    @Test
    void purgeOfAnEmptyLogIsANoOp() {
        CheckpointDir cp = CheckpointDir.open(dir);
        cp.purgeLogs(Long.MAX_VALUE);
        assertTrue(cp.offsets().listBatchIds().isEmpty());
    }
}
