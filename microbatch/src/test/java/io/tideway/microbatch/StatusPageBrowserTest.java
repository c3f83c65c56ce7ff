package io.tideway.microbatch;

import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The status page ({@code spark.ui.enabled}) in a real browser: headless Chromium loads it, runs
 * its script and shows the running query's row; {@code /api/queries} gives the same as JSON.
 * CI installs Chromium ({@code .ci/run}); where there is none the browser half is skipped.
 */
class StatusPageBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private TidewaySession spark;

    @AfterEach
    void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void theStatusPageShowsEachRunningQuery(@TempDir Path dir) throws Exception {
        TidewaySession previous = TidewaySession.active();
        if (previous != null) {
            previous.stop(); // the builder would return it, without a status page
        }
        spark = TidewaySession.builder().master("local[2]").config("spark.ui.enabled", "true")
                .config("spark.ui.port", "0").getOrCreate();
        String url = spark.sparkContext().uiWebUrl().get();
        assertTrue(url.startsWith("http://127.0.0.1:"), url);

        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        StreamingQuery q = words.toDF().writeStream().format("memory").queryName("browser_orders")
                .option("checkpointLocation", dir.resolve("chk").toString()).start();
        words.addData("a", "b", "c");
        q.processAllAvailable();

        String api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/queries")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(api.contains("\"name\":\"browser_orders\""), api);
        assertTrue(api.contains("\"id\":\"" + q.id() + "\""), api);
        assertTrue(api.contains("\"batchId\":0"), api);

        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (CI installs it): browser half skipped");
        String dom = render(url + "/", dir);
        assertTrue(dom.contains("1 running, updated "), "the script ran and fetched the queries: " + dom);
        int row = dom.indexOf("data-id=\"" + q.id() + "\"");
        assertTrue(row >= 0, "a row for the query: " + dom);
        String rowHtml = dom.substring(row, dom.indexOf("</tr>", row));
        assertTrue(rowHtml.contains("<td class=\"text\">browser_orders</td>"), rowHtml);
        assertTrue(rowHtml.contains("<td>0</td>"), "its batch 0: " + rowHtml);

        q.stop();
        api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/queries")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertEquals("[]", api, "a stopped query leaves the page");
        spark.stop();
        spark = null;
        assertFalse(isServing(url), "stopping the session stops the page");
    }

    /** The page's DOM after its scripts ran, as headless Chromium renders it. */
    private static String render(String url, Path dir) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Process p = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", url))
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Chromium did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean isServing(String url) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/queries")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
