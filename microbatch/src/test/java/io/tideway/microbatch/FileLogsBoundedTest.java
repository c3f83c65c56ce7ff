package io.tideway.microbatch;

import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 item 2 end to end: a long-running file → file query keeps the file source's
 * {@code sources/0/} and the file sink's {@code _spark_metadata/} bounded by Spark's
 * {@code fileSource.log.*} / {@code fileSink.log.*} settings, and what it wrote is still read
 * exactly once by {@code spark.read()} and by the file source, across a restart.
 */
class FileLogsBoundedTest {
    private static final int BATCHES = 60;
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("file-logs").getOrCreate()
            .newSession();

    @AfterEach
    void stop() throws Exception {
        for (StreamingQuery q : spark.streams().active()) {
            q.stop();
        }
    }

    private static long files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private StreamingQuery start(Path dir) throws Exception {
        return spark.readStream().text(dir.resolve("in").toString()).writeStream().format("json")
                .option("checkpointLocation", dir.resolve("cp").toString()).start(dir.resolve("out").toString());
    }

    @Test
    void sourceAndSinkLogsStayBoundedAndOutputIsReadExactlyOnce(@TempDir Path dir) throws Exception {
        spark.conf().set("spark.sql.streaming.fileSource.log.compactInterval", "4");
        spark.conf().set("spark.sql.streaming.fileSource.log.cleanupDelay", "0");
        spark.conf().set("spark.sql.streaming.fileSink.log.compactInterval", "3");
        spark.conf().set("spark.sql.streaming.fileSink.log.cleanupDelay", "0");
        spark.conf().set("spark.sql.streaming.minBatchesToRetain", "2");
        Files.createDirectories(dir.resolve("in"));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        StreamingQuery q = start(dir);
        long mostSource = 0;
        long mostSink = 0;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            if (i == BATCHES / 2) {
                q.stop();
                q = start(dir);
            }
            Path f = Files.writeString(staging.resolve("f" + i + ".txt"), "v" + i + "\n");
            Files.move(f, dir.resolve("in/f" + i + ".txt"));
            expected.add("[v" + i + "]");
            q.processAllAvailable();
            mostSource = Math.max(mostSource, files(dir.resolve("cp/sources/0")));
            mostSink = Math.max(mostSink, files(dir.resolve("out/_spark_metadata")));
        }
        q.stop();
        assertTrue(mostSource <= 2 + 4 + 1, "sources/0 held " + mostSource + " files");
        assertTrue(mostSink <= 2 + 3 + 1, "_spark_metadata held " + mostSink + " files");
        assertFalse(Files.exists(dir.resolve("out/_spark_metadata/0")));
        assertFalse(Files.exists(dir.resolve("cp/sources/0/0")));

        List<String> read = new ArrayList<>();
        for (Row r : spark.read().json(dir.resolve("out").toString()).collectAsList()) {
            read.add(r.toString());
        }
        assertEquals(expected.stream().sorted().toList(), read.stream().sorted().toList());

        StreamingQuery reread = spark.readStream().schema("value STRING").json(dir.resolve("out").toString())
                .writeStream().format("memory").queryName("reread")
                .option("checkpointLocation", dir.resolve("cp2").toString()).start();
        reread.processAllAvailable();
        reread.stop();
        List<String> again = new ArrayList<>();
        for (Row r : spark.table("reread").collectAsList()) {
            again.add(r.toString());
        }
        assertEquals(expected.stream().sorted().toList(), again.stream().sorted().toList());
    }
}
