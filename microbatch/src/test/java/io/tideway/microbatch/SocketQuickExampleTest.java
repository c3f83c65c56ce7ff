package io.tideway.microbatch;

import io.tideway.api.java.function.FlatMapFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guide's quick example, fed by a real loopback socket, with a restart from its checkpoint. */
class SocketQuickExampleTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    @AfterEach
    void stop() {
        spark.stop();
    }

    private StreamingQuery start(int port, String checkpoint) throws Exception {
        Dataset<Row> lines = spark.readStream().format("socket").option("host", "127.0.0.1").option("port", port).load();
        Dataset<String> words = lines.as(Encoders.STRING()).flatMap(
                (FlatMapFunction<String, String>) x -> Arrays.asList(x.split(" ")).iterator(), Encoders.STRING());
        return words.groupBy("value").count().writeStream().outputMode("complete").format("memory")
                .queryName("wordcounts").option("checkpointLocation", checkpoint).start();
    }

    private Map<String, Long> counts() {
        Map<String, Long> m = new TreeMap<>();
        for (Row r : spark.table("wordcounts").collectAsList()) {
            m.put(r.getString(0), r.getLong(1));
        }
        return m;
    }

    /** Waits (bounded) until the table shows {@code expected}, driving the query with processAllAvailable. */
    private void awaitCounts(StreamingQuery q, Map<String, Long> expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!counts().equals(expected) && System.nanoTime() < deadline) {
            q.processAllAvailable();
        }
        assertEquals(expected, counts());
    }

    @Test
    void countsWordsFromASocketAndKeepsThemAcrossARestart(@TempDir Path dir) throws Exception {
        String checkpoint = dir.resolve("chk").toString();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            StreamingQuery q = start(server.getLocalPort(), checkpoint);
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write("apache spark\napache hadoop\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                awaitCounts(q, Map.of("apache", 2L, "spark", 1L, "hadoop", 1L));
                q.stop();
            }
            StreamingQuery again = start(server.getLocalPort(), checkpoint);
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write("spark tideway\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                awaitCounts(again, Map.of("apache", 2L, "spark", 2L, "hadoop", 1L, "tideway", 1L));
                assertTrue(again.lastProgress().sources()[0].description().startsWith("TextSocketV2[host: 127.0.0.1"));
                again.stop();
            }
        }
    }
}
