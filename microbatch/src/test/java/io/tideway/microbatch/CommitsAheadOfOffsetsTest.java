package io.tideway.microbatch;

import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 item 5, executor side: after {@code offsets/} is deleted (the advice of the memory
 * sink's own error message), a restart used to run from batch 0, overwrite {@code state/0/*\/1.delta}
 * and skip writing {@code commits/0}. Now the restart fails at start naming the latest commit file
 * and the empty offsets directory, and nothing in the checkpoint is written or changed.
 */
class CommitsAheadOfOffsetsTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate().newSession();

    @AfterEach
    void stop() throws Exception {
        for (StreamingQuery q : spark.streams().active()) {
            q.stop();
        }
    }

    private StreamingQuery start(MemoryStream<Long> s, Path chk) throws Exception {
        return s.toDF().groupBy("value").count().writeStream().outputMode("complete").format("memory")
                .queryName("counts").option("checkpointLocation", chk.toString()).start();
    }

    /** Every file of the checkpoint but its lock, with contents and modification times. */
    private static Map<String, String> snapshot(Path chk) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(chk)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals(".lock")) {
                    out.put(chk.relativize(p).toString(), Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1)
                            + "@" + Files.getLastModifiedTime(p).toMillis());
                } else if (Files.isDirectory(p)) {
                    out.put(chk.relativize(p) + "/", "");
                }
            }
        }
        return out;
    }

    @Test
    void restartAfterOffsetsWereDeletedFailsAtStartNamingBothFilesAndWritesNothing(@TempDir Path dir) throws Exception {
        Path chk = dir.resolve("chk");
        MemoryStream<Long> s = MemoryStream.create(Encoders.LONG(), spark);
        StreamingQuery q = start(s, chk);
        for (long i = 0; i < 3; i++) {
            s.addData(i);
            q.processAllAvailable();
        }
        q.stop();
        try (Stream<Path> offsets = Files.list(chk.resolve("offsets"))) {
            for (Path p : offsets.toList()) {
                Files.delete(p);
            }
        }
        Map<String, String> before = snapshot(chk);

        MemoryStream<Long> again = MemoryStream.create(Encoders.LONG(), spark);
        again.addData(7L);
        StreamingQuery restarted = start(again, chk);
        StreamingQueryException e = assertThrows(StreamingQueryException.class, restarted::awaitTermination);
        String m = e.getMessage();
        assertTrue(m.contains(chk.resolve("commits/2").toAbsolutePath().toString()), m);
        assertTrue(m.contains(chk.resolve("offsets").toAbsolutePath().toString()), m);
        assertTrue(m.contains("offsets log is behind the commits log"), m);
        assertEquals(before, snapshot(chk), "the refused restart changed the checkpoint");
    }
}
