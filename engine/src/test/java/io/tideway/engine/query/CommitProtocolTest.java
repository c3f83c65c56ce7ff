package io.tideway.engine.query;

import io.tideway.checkpoint.CheckpointDir;
import io.tideway.checkpoint.ConcurrentLogUpdateException;
import io.tideway.checkpoint.RecoveryPoint;
import io.tideway.sql.RuntimeConfig;
import io.tideway.sql.TidewaySession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one commit protocol both executors use, on real checkpoint files. */
class CommitProtocolTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate().newSession();
    private final RuntimeConfig conf = spark.conf();

    @AfterEach
    void reset() {
        conf.unset("spark.sql.shuffle.partitions");
        conf.unset("spark.sql.streaming.minBatchesToRetain");
    }

    @Test
    void settingsPinnedAtTheFirstBatchWinOverTheSessionOnRestartInEitherMode(@TempDir Path dir) {
        conf.set("spark.sql.shuffle.partitions", "3");
        CommitProtocol first = new CommitProtocol(CheckpointDir.open(dir), conf, 1);
        first.recover(false);
        assertEquals("3", first.pinned("spark.sql.shuffle.partitions"));
        first.writeOffsets(0, 0, 1_000, List.of("{\"0\":1}"));
        first.commit(0, 0);

        conf.set("spark.sql.shuffle.partitions", "5");
        for (boolean continuous : List.of(false, true)) {
            CommitProtocol restarted = new CommitProtocol(CheckpointDir.open(dir), conf, 1);
            RecoveryPoint r = restarted.recover(continuous);
            assertEquals(1, r.nextBatchId());
            assertEquals("3", restarted.pinned("spark.sql.shuffle.partitions"), "continuous=" + continuous);
            assertEquals("min", restarted.pinned("spark.sql.streaming.multipleWatermarkPolicy"));
        }
    }

    @Test
    void anOffsetsFileAlreadyThereIsAnotherWriter(@TempDir Path dir) {
        CommitProtocol p = new CommitProtocol(CheckpointDir.open(dir), conf, 1);
        p.recover(false);
        p.writeOffsets(0, 0, 1_000, List.of("{\"0\":1}"));
        ConcurrentLogUpdateException e = assertThrows(ConcurrentLogUpdateException.class,
                () -> p.writeOffsets(0, 0, 1_000, List.of("{\"0\":1}")));
        assertTrue(e.getMessage().contains("CONCURRENT_STREAM_LOG_UPDATE"), e.getMessage());
    }

    @Test
    void continuousRecoveryDropsOffsetsLoggedAfterTheLastCommit(@TempDir Path dir) {
        CommitProtocol p = new CommitProtocol(CheckpointDir.open(dir), conf, 1);
        p.recover(true);
        p.writeOffsets(0, 0, 1_000, List.of("{\"0\":1}"));
        p.commit(0, 0);
        p.writeOffsets(1, 0, 2_000, List.of("{\"0\":2}")); // epoch 1 never committed
        RecoveryPoint r = new CommitProtocol(CheckpointDir.open(dir), conf, 1).recover(true);
        assertEquals(1, r.nextBatchId(), "epoch 1 runs again");
        assertFalse(Files.exists(dir.resolve("offsets/1")), "its offsets are dropped before it is written again");
    }

    @Test
    void retentionKeepsTheLatestBatchesEveryPurgeInterval(@TempDir Path dir) {
        conf.set("spark.sql.streaming.minBatchesToRetain", "2");
        CommitProtocol p = new CommitProtocol(CheckpointDir.open(dir), conf, 4);
        p.recover(false);
        for (long n = 0; n <= 7; n++) {
            p.writeOffsets(n, 0, 1_000 + n, List.of("{\"0\":" + n + "}"));
            p.commit(n, 0);
            if (n == 3) {
                assertTrue(Files.exists(dir.resolve("commits/0")), "no purge between intervals");
            }
        }
        // the purge after batch 4 kept batches 3 and 4; batches 5-7 came after it
        assertFalse(Files.exists(dir.resolve("offsets/2")));
        assertFalse(Files.exists(dir.resolve("commits/2")));
        for (long n = 3; n <= 7; n++) {
            assertTrue(Files.exists(dir.resolve("offsets/" + n)) && Files.exists(dir.resolve("commits/" + n)), "batch " + n);
        }
    }
}
