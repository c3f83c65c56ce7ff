package io.tideway.engine.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tideway.engine.metrics.QueryMetrics;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryManager;
import io.tideway.sql.streaming.StreamingQueryProgress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The opt-in status page ({@code spark.ui.enabled}): an HTTP server on the loopback interface
 * only, serving {@code /} (a page that shows every running query of the session and refreshes
 * itself each second) and {@code /api/queries} (the same as JSON: each query's name, id, run id,
 * status and figures, and its last progress as Spark's JSON). Read-only: it starts and stops
 * nothing. One daemon thread serves it.
 *
 * <p>Threading: {@link #start} and {@link #stop} on the session's thread; requests on the
 * server's thread, reading queries' published progress and status.
 */
public final class StatusServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StreamingQueryManager queries;
    private final HttpServer server;
    private final ExecutorService thread;

    private StatusServer(StreamingQueryManager queries, HttpServer server, ExecutorService thread) {
        this.queries = queries;
        this.server = server;
        this.thread = thread;
    }

    /** Serves {@code queries} on 127.0.0.1:{@code port} (0: any free port). */
    public static StatusServer start(StreamingQueryManager queries, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "tideway-status-page");
                t.setDaemon(true);
                return t;
            });
            StatusServer status = new StatusServer(queries, server, thread);
            server.createContext("/api/queries", status::queries);
            server.createContext("/", status::page);
            server.setExecutor(thread);
            server.start();
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException("spark.ui.port " + port + ": cannot serve the status page on 127.0.0.1: " + e, e);
        }
    }

    /** The port it listens on (the chosen one for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        thread.shutdownNow();
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = StatusServer.class.getResourceAsStream("/io/tideway/ui/status.html")) {
            send(exchange, 200, "text/html; charset=utf-8", in.readAllBytes());
        }
    }

    private void queries(HttpExchange exchange) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        for (StreamingQuery q : queries.active()) {
            QueryMetrics m = new QueryMetrics(q);
            ObjectNode n = out.addObject();
            n.put("name", m.getName());
            n.put("id", m.getId());
            n.put("runId", m.getRunId());
            n.put("status", m.getStatus());
            n.put("batchId", m.getBatchId());
            n.put("inputRowsPerSecond", m.getInputRowsPerSecond());
            n.put("processedRowsPerSecond", m.getProcessedRowsPerSecond());
            n.put("batchDurationMs", m.getBatchDurationMs());
            n.put("watermark", m.getWatermark());
            n.put("stateRows", m.getStateRowsTotal());
            n.put("latencyMicrosP99", m.getLatencyMicrosP99());
            StreamingQueryProgress last = q.lastProgress();
            n.set("lastProgress", last == null ? null : JSON.readTree(last.json()));
        }
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(out));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
