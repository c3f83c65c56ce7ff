package io.tideway.microbatch;

import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorruptCheckpointTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    private MemoryStream<Long> runTwoBatches(Path chk) throws Exception {
        MemoryStream<Long> s = MemoryStream.create(Encoders.LONG(), spark);
        StreamingQuery q = s.toDF().groupBy("value").count().writeStream().outputMode("complete").format("memory")
                .queryName("c").option("checkpointLocation", chk.toString()).start();
        s.addData(1L);
        q.processAllAvailable();
        s.addData(2L);
        q.processAllAvailable();
        q.stop();
        return s;
    }

    private StreamingQueryException restartFails(MemoryStream<Long> s, Path chk) throws Exception {
        StreamingQuery q = s.toDF().groupBy("value").count().writeStream().outputMode("complete").format("memory")
                .queryName("c").option("checkpointLocation", chk.toString()).start();
        return assertThrows(StreamingQueryException.class, q::awaitTermination);
    }

    @Test
    void aCorruptOffsetsFileStopsTheQueryNamingTheFileAndIsNotOverwritten(@TempDir Path dir) throws Exception {
        Path chk = dir.resolve("chk");
        MemoryStream<Long> s = runTwoBatches(chk);
        Path offsets1 = chk.resolve("offsets/1");
        byte[] garbage = "v1\n{\"batchWatermarkMs\":0,\"batchTim".getBytes(StandardCharsets.UTF_8);
        Files.write(offsets1, garbage);
        StreamingQueryException e = restartFails(s, chk);
        assertTrue(e.getMessage().contains(offsets1.toAbsolutePath().toString()), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(offsets1), "the corrupt file is left for the user to inspect");
    }

    @Test
    void anUnknownVersionCommitFileStopsTheQueryNamingTheFile(@TempDir Path dir) throws Exception {
        Path chk = dir.resolve("chk");
        MemoryStream<Long> s = runTwoBatches(chk);
        Path commits1 = chk.resolve("commits/1");
        Files.writeString(commits1, "v9\n{\"nextBatchWatermarkMs\":0}");
        StreamingQueryException e = restartFails(s, chk);
        assertTrue(e.getMessage().contains(commits1.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("maximum supported log version is v1, but encountered v9"), e.getMessage());
    }

    @Test
    void aCorruptStateDeltaNamesTheFile(@TempDir Path dir) throws Exception {
        Path chk = dir.resolve("chk");
        MemoryStream<Long> s = runTwoBatches(chk);
        Path delta;
        try (var files = Files.walk(chk.resolve("state"))) {
            delta = files.filter(p -> p.getFileName().toString().equals("2.delta")).filter(p -> {
                try {
                    return Files.size(p) > 4;
                } catch (java.io.IOException ex) {
                    return false;
                }
            }).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(delta);
        Files.write(delta, java.util.Arrays.copyOf(bytes, bytes.length - 6));
        s.addData(3L);
        StreamingQueryException e = restartFails(s, chk);
        assertTrue(e.getMessage().contains(delta.toAbsolutePath().toString()), e.getMessage());
    }
}
