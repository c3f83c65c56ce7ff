package io.tideway.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimpleLogsTest {
    @TempDir
    Path dir;

    @Test
    void commitLogExactText() throws Exception {
        CommitLog log = new CommitLog(dir);
        assertTrue(log.add(0, new CommitMetadata(0)));
        assertEquals("v1\n{\"nextBatchWatermarkMs\":0}", Files.readString(dir.resolve("0")));
        log.add(1, new CommitMetadata(1700000005000L));
        assertEquals(1700000005000L, log.get(1).orElseThrow().nextBatchWatermarkMs());
    }

    @Test
    void commitLogSecondLineOptional() throws Exception {
        Files.writeString(dir.resolve("0"), "v1");
        Files.writeString(dir.resolve("1"), "v1\n{}");
        CommitLog log = new CommitLog(dir);
        assertEquals(0L, log.get(0).orElseThrow().nextBatchWatermarkMs());
        assertEquals(0L, log.get(1).orElseThrow().nextBatchWatermarkMs());
    }

    @Test
    void commitLogCorruptNamesFile() throws Exception {
        Path f = dir.resolve("0");
        CommitLog log = new CommitLog(dir);
        for (String text : new String[] {"", "v1\n{\"nextBatchWatermarkMs\":", "v1\n{\"nextBatchWatermarkMs\":\"x\"}", "v3\n{}"}) {
            Files.writeString(f, text);
            CheckpointException e = assertThrows(CheckpointException.class, () -> log.get(0), text);
            assertTrue(e.getMessage().startsWith("Failed to read log file " + f.toAbsolutePath() + ". "), e.getMessage());
        }
    }

    @Test
    void sourceMetadataLogRateCreationTime() throws Exception {
        SourceMetadataLog log = new SourceMetadataLog(dir);
        assertTrue(log.add(0, "1700000000000"));
        assertEquals("v1\n1700000000000", Files.readString(dir.resolve("0")));
        assertEquals("1700000000000", log.get(0).orElseThrow());
        Files.writeString(dir.resolve("1"), "v1");
        CheckpointException e = assertThrows(CheckpointException.class, () -> log.get(1));
        assertTrue(e.getMessage().contains(dir.resolve("1").toAbsolutePath().toString()), e.getMessage());
    }
}
