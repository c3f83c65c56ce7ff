package io.tideway.microbatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status page's JSON endpoints over plain HTTP: the list of active and recent queries, one
 * query, its progress history, a failed query's exception, 404 with a JSON error, JSON escaping of
 * a query name, and the {@code tideway.ui.*} settings.
 */
class StatusPageApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private TidewaySession spark;
    private String url;

    @BeforeEach
    void start() {
        TidewaySession previous = TidewaySession.getActiveSession() // the session the builder would return
                .getOrElse(() -> TidewaySession.getDefaultSession().getOrElse(() -> null));
        if (previous != null) {
            previous.stop(); // the builder would return it, without a status page
        }
        // the tideway.ui.* names stand for Spark's spark.ui.* ones
        spark = TidewaySession.builder().master("local[2]").config("tideway.ui.enabled", "true")
                .config("tideway.ui.port", "0").getOrCreate();
        url = spark.sparkContext().uiWebUrl().get();
    }

    @AfterEach
    void stop() {
        spark.stop();
    }

    @Test
    void queriesTheirHistoryAndAQuotedName(@TempDir Path dir) throws Exception {
        assertTrue(url.startsWith("http://127.0.0.1:"), url);
        String name = "say \"hi\"\nthen \\ leave";
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        StreamingQuery q = words.toDF().writeStream().format("noop").queryName(name)
                .option("checkpointLocation", dir.resolve("chk").toString()).start();
        try {
            words.addData("a", "b", "c");
            q.processAllAvailable();
            words.addData("d");
            q.processAllAvailable();

            String raw = get("/api/queries").body();
            assertTrue(raw.contains("say \\\"hi\\\"\\nthen \\\\ leave"), "escaped as JSON: " + raw);
            // besides the two batches, progress without data (as Spark reports it) may come first
            JsonNode history = await(q, "/api/queries/" + q.id() + "/progress", h -> withRows(h).size() == 2);
            List<JsonNode> batches = withRows(history);
            assertEquals(0, batches.get(0).get("batchId").asLong());
            assertEquals(3, batches.get(0).get("numInputRows").asLong());
            assertEquals(1, batches.get(1).get("batchId").asLong());
            assertEquals(1, batches.get(1).get("numInputRows").asLong());
            assertTrue(batches.get(1).get("processedRowsPerSecond").asDouble() > 0, history.toString());
            assertTrue(batches.get(1).get("latencyMicros").get("p99").isNull(), "micro-batch without metricsEnabled: " + history);

            JsonNode all = JSON.readTree(get("/api/queries").body());
            JsonNode active = all.get("active").get(0);
            assertEquals(name, active.get("name").asText());
            assertEquals(q.runId().toString(), active.get("runId").asText());
            assertEquals(1, active.get("batchId").asLong());
            assertEquals(q.lastProgress().json(), active.get("lastProgress").toString());
            assertEquals(active, JSON.readTree(get("/api/queries/" + q.runId()).body()), "by id or run id");
        } finally {
            q.stop();
        }
        JsonNode recent = await(q, "/api/queries", a -> a.get("recent").size() == 1);
        assertEquals(0, recent.get("active").size());
        assertEquals(name, recent.get("recent").get(0).get("name").asText());
        assertEquals("Stopped", recent.get("recent").get(0).get("status").asText());
        assertTrue(recent.get("recent").get(0).get("exception").isNull());
    }

    @Test
    void aFailedQueryShowsItsException(@TempDir Path dir) throws Exception {
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        StreamingQuery q = words.toDS().map((MapFunction<String, Integer>) Integer::parseInt, Encoders.INT())
                .writeStream().format("noop").queryName("parser")
                .option("checkpointLocation", dir.resolve("chk").toString()).start();
        words.addData("12", "twelve");
        assertThrows(Exception.class, q::processAllAvailable);
        JsonNode failed = await(q, "/api/queries/" + q.id(), n -> !n.get("active").asBoolean()).get("exception");
        assertTrue(failed.get("message").asText().contains("twelve"), failed.toString());
        assertTrue(failed.get("stackTrace").asText().contains("NumberFormatException"), failed.toString());
        assertTrue(failed.get("stackTrace").asText().contains("\tat "), "the whole stack: " + failed);
    }

    @Test
    void unknownQueriesAndPathsAreJson404s() throws Exception {
        for (String path : new String[] {"/api/queries/" + UUID.randomUUID(), "/api/queries/" + UUID.randomUUID() + "/progress",
                "/api/queries/not-an-id", "/api/nothing"}) {
            HttpResponse<String> r = get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            assertTrue(JSON.readTree(r.body()).get("error").asText().length() > 0, r.body());
        }
        assertEquals(405, http.send(HttpRequest.newBuilder(URI.create(url + "/api/queries"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> script = get("/static/status.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("function lineChart"), "the page draws its own charts");
        assertEquals(200, get("/query/" + UUID.randomUUID()).statusCode(), "the query page, which then asks the API");
    }

    @Test
    void theBuilderChecksTheSettingsNamingTheBadValue() {
        IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
                () -> TidewaySession.builder().config("tideway.ui.host", "not a host"));
        assertEquals("'not a host' in tideway.ui.host is invalid. must be a host name or an IP address", host.getMessage());
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> TidewaySession.builder().config("tideway.ui.port", "70000"));
        assertEquals("'70000' in tideway.ui.port is invalid. must be a port, 0 to 65535 (0: any free port)", port.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TidewaySession.builder().config("tideway.ui.enabled", "maybe"));
    }

    private static List<JsonNode> withRows(JsonNode history) {
        List<JsonNode> out = new ArrayList<>();
        history.forEach(p -> {
            if (p.get("numInputRows").asLong() > 0) {
                out.add(p);
            }
        });
        return out;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON at {@code path} once it satisfies {@code done}: the page learns of progress on the listener bus's thread. */
    private JsonNode await(StreamingQuery q, String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode n = null;
        while (System.currentTimeMillis() < deadline) {
            n = JSON.readTree(get(path).body());
            if (done.test(n)) {
                return n;
            }
            try {
                q.awaitTermination(20); // a bounded wait that returns early once the query ended
            } catch (Exception failed) {
                // a failed query: its end is what some callers wait to see on the page
            }
        }
        throw new AssertionError(path + " not as expected within 10 s: " + n);
    }
}
