package io.tideway.microbatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.api.java.function.MapFunction;
import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryException;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The status page ({@code spark.ui.enabled}) in a real browser: headless Chromium loads the list
 * and a query's page, runs their script, draws the query's charts from its progress history; a
 * screenshot of the query's page shows them (kept as {@code target/status-page.png}). CI installs
 * Chromium ({@code .ci/run}); where there is none the browser half is skipped.
 */
class StatusPageBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The rows/s chart's first series colour, {@code #1f77b4} in status.js. */
    private static final int INPUT_SERIES_RGB = 0x1f77b4;
    private TidewaySession spark;

    @AfterEach
    void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void theQueryPageChartsTheQueryInABrowser(@TempDir Path dir) throws Exception {
        TidewaySession previous = TidewaySession.getActiveSession() // the session the builder would return
                .getOrElse(() -> TidewaySession.getDefaultSession().getOrElse(() -> null));
        if (previous != null) {
            previous.stop(); // the builder would return it, without a status page
        }
        // no batches without data, whose rates are 0: the page's last figures are then a batch's with rows
        spark = TidewaySession.builder().master("local[2]").config("spark.ui.enabled", "true")
                .config("spark.ui.port", "0").config("spark.sql.streaming.noDataMicroBatches.enabled", "false").getOrCreate();
        String url = spark.sparkContext().uiWebUrl().get();
        assertTrue(url.startsWith("http://127.0.0.1:"), url);

        // a windowed count: its page has a watermark and state rows to chart besides the rates and durations
        StreamingQuery q = spark.readStream().format("rate").option("rowsPerSecond", 200).load()
                .withWatermark("timestamp", "1 second").groupBy(window(col("timestamp"), "1 second")).count()
                .writeStream().format("noop").outputMode("update").queryName("browser_orders")
                .trigger(Trigger.ProcessingTime("200 milliseconds"))
                .option("checkpointLocation", dir.resolve("chk").toString()).start();
        JsonNode history = awaitHistory(q, url, 4);
        assertTrue(history.get(history.size() - 1).get("processedRowsPerSecond").asDouble() > 0, history.toString());

        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (CI installs it): browser half skipped");
        String list = render(url + "/", dir, "--dump-dom");
        assertTrue(list.contains("1 running, 0 recent, updated "), "the script ran and fetched the queries: " + list);
        int row = list.indexOf("data-id=\"" + q.id() + "\"");
        assertTrue(row >= 0, "a row for the query: " + list);
        assertTrue(list.substring(row, list.indexOf("</tr>", row)).contains(">browser_orders</a>"), list);

        String page = render(url + "/query/" + q.runId(), dir, "--dump-dom");
        assertTrue(page.contains("<h1 id=\"name\">browser_orders</h1>"), page);
        Matcher rate = Pattern.compile("<th>Processed rows/s</th><td class=\"text\">([0-9.]+k?)</td>").matcher(page);
        assertTrue(rate.find() && Double.parseDouble(rate.group(1).replace("k", "")) > 0, "a non-zero rate: " + page);
        Matcher points = Pattern.compile("aria-label=\"Rows per second\" data-points=\"(\\d+)\"").matcher(page);
        assertTrue(points.find() && Integer.parseInt(points.group(1)) >= 2 * 4,
                "the rows/s chart drew both series' points: " + page);
        assertTrue(page.contains("<polyline"), "lines joining them: " + page);
        assertTrue(page.contains("aria-label=\"Watermark (UTC)\" data-points="), "the watermark chart: " + page);
        assertTrue(page.contains("aria-label=\"State rows\" data-points="), "the state rows chart: " + page);

        Path png = dir.resolve("status-page.png");
        render(url + "/query/" + q.runId(), dir, "--screenshot=" + png, "--window-size=1180,1250", "--hide-scrollbars");
        BufferedImage shot = ImageIO.read(png.toFile());
        assertTrue(distinctColours(shot) > 50, "not blank: " + distinctColours(shot) + " colours");
        assertTrue(pixels(shot, INPUT_SERIES_RGB) > 50, "the chart's lines are on screen");
        Files.copy(png, Files.createDirectories(Path.of("target")).resolve("status-page.png"),
                StandardCopyOption.REPLACE_EXISTING);

        q.stop();
        spark.stop();
        spark = null;
        assertFalse(isServing(url), "stopping the session stops the page");
    }

    @Test
    void aFailedQueryShowsItsExceptionInTheBrowser(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (CI installs it): skipped");
        TidewaySession previous = TidewaySession.getActiveSession() // the session the builder would return
                .getOrElse(() -> TidewaySession.getDefaultSession().getOrElse(() -> null));
        if (previous != null) {
            previous.stop();
        }
        spark = TidewaySession.builder().master("local[2]").config("spark.ui.enabled", "true")
                .config("spark.ui.port", "0").getOrCreate();
        String url = spark.sparkContext().uiWebUrl().get();
        MemoryStream<String> words = MemoryStream.create(Encoders.STRING(), spark);
        StreamingQuery q = words.toDS().map((MapFunction<String, Integer>) Integer::parseInt, Encoders.INT())
                .writeStream().format("noop").queryName("parser")
                .option("checkpointLocation", dir.resolve("chk").toString()).start();
        words.addData("12", "twelve");
        assertThrows(Exception.class, q::processAllAvailable);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!get(url + "/api/queries").contains("\"recent\":[{")) { // the page learns of the end on the listener bus
            assertTrue(System.currentTimeMillis() < deadline, "the failed query never reached the recent list");
            try {
                q.awaitTermination(20);
            } catch (StreamingQueryException expected) {
                // it failed, as it should: what is awaited is the page hearing of it
            }
        }

        String list = render(url + "/", dir, "--dump-dom");
        assertTrue(list.contains("0 running, 1 recent"), list);
        int row = list.indexOf("<tbody id=\"recent\">");
        assertTrue(row >= 0 && list.indexOf("twelve", row) > 0, "the recent list shows the failure: " + list);
        String page = render(url + "/query/" + q.runId(), dir, "--dump-dom");
        assertTrue(page.contains("<div id=\"failure\">"), "the exception block is shown: " + page);
        Matcher message = Pattern.compile("<p id=\"exception-message\" class=\"error\">([^<]*)</p>").matcher(page);
        assertTrue(message.find() && message.group(1).contains("twelve"), page);
        Matcher stack = Pattern.compile("<pre id=\"exception-stack\">([^<]*)</pre>").matcher(page);
        assertTrue(stack.find() && stack.group(1).contains("NumberFormatException") && stack.group(1).contains("\tat "), page);
        assertTrue(page.contains("ended, "), "an ended query's page says so: " + page);
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The query's progress history once it holds {@code points} points, waiting at most 20 s. */
    private static JsonNode awaitHistory(StreamingQuery q, String url, int points) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode history = null;
        while (System.currentTimeMillis() < deadline) {
            history = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url + "/api/queries/" + q.id() + "/progress")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (history.size() >= points && history.get(history.size() - 1).get("numInputRows").asLong() > 0) {
                return history;
            }
            assertFalse(q.awaitTermination(100), "the query ended: " + q.exception()); // waits a trigger or so
        }
        throw new AssertionError("fewer than " + points + " progress points within 20 s: " + history);
    }

    /** Runs headless Chromium on {@code url} with {@code args} ({@code --dump-dom}: returns the DOM after its scripts ran). */
    private static String render(String url, Path dir, String... args) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=3000"));
        cmd.addAll(List.of(args));
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.err").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Chromium did not finish");
        assertEquals(0, p.exitValue(), () -> "Chromium failed: " + read(dir.resolve("chromium.err")));
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
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
