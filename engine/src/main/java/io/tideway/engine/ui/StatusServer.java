package io.tideway.engine.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tideway.engine.conf.TidewayConf;
import io.tideway.sql.streaming.StreamingQueryManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in status page ({@code spark.ui.enabled}): an HTTP server on {@code tideway.ui.host}
 * (127.0.0.1 unless told otherwise), serving the page of the session's queries ({@code /}), a
 * page per query with its charts ({@code /query/<id>}), their script and style, and the same as
 * JSON: {@code /api/queries}, {@code /api/queries/<id>} and {@code /api/queries/<id>/progress}.
 * What it shows is kept by a {@link StatusListener} on the session's queries. Read-only: it starts
 * and stops nothing.
 *
 * <p>Threading: {@link #start} and {@link #stop} on the session's thread; requests on the
 * server's one daemon thread, reading what the listener keeps.
 */
public final class StatusServer {
    private static final Logger LOG = LoggerFactory.getLogger(StatusServer.class);
    /** Further ports tried when the one asked for is taken: Spark's default {@code spark.port.maxRetries}. */
    private static final int PORT_RETRIES = 16;
    /** The page's files, by request path: all it serves besides the API (no CDN, no build step). */
    private static final Map<String, Asset> ASSETS = Map.of(
            "/", new Asset("index.html", "text/html; charset=utf-8"),
            "/static/status.js", new Asset("status.js", "text/javascript; charset=utf-8"),
            "/static/status.css", new Asset("status.css", "text/css; charset=utf-8"));
    private static final Asset QUERY_PAGE = new Asset("query.html", "text/html; charset=utf-8");
    private final StreamingQueryManager queries;
    private final StatusListener listener;
    private final HttpServer server;
    private final ExecutorService thread;
    private final String host;

    private StatusServer(StreamingQueryManager queries, StatusListener listener, HttpServer server, ExecutorService thread,
                         String host) {
        this.queries = queries;
        this.listener = listener;
        this.server = server;
        this.thread = thread;
        this.host = host;
    }

    /**
     * Serves {@code queries} as the builder's {@code settings} say: {@code spark.ui.port} (0: any
     * free port; a taken port: the next, up to 16 more, as Spark) on {@code tideway.ui.host}.
     */
    public static StatusServer start(StreamingQueryManager queries, Map<String, String> settings) {
        String host = TidewayConf.UI_HOST.get(settings);
        int port = TidewayConf.UI_PORT.get(settings);
        HttpServer server = bind(host, port);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tideway-status-page");
            t.setDaemon(true);
            return t;
        });
        StatusListener listener = new StatusListener(queries, TidewayConf.UI_RETAINED_PROGRESS.get(settings),
                TidewayConf.UI_RETAINED_QUERIES.get(settings));
        queries.addListener(listener);
        StatusServer status = new StatusServer(queries, listener, server, thread, host);
        server.createContext("/", status::handle);
        server.setExecutor(thread);
        server.start();
        return status;
    }

    private static HttpServer bind(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("tideway.ui.host " + host + ": unknown host, cannot serve the status page", e);
        }
        for (int attempt = 0; ; attempt++) {
            int p = port == 0 ? 0 : port + attempt;
            try {
                return HttpServer.create(new InetSocketAddress(address, p), 16);
            } catch (BindException e) {
                if (port == 0 || attempt == PORT_RETRIES || p == 65535) {
                    throw new UncheckedIOException("spark.ui.port " + port + ": cannot serve the status page on " + host
                            + " (tried ports " + port + " to " + p + "): " + e.getMessage(), e);
                }
                LOG.warn("Service 'SparkUI' could not bind on port {}. Attempting port {}.", p, p + 1);
            } catch (IOException e) {
                throw new UncheckedIOException("spark.ui.port " + port + ": cannot serve the status page on " + host + ": " + e,
                        e);
            }
        }
    }

    /** The port it listens on (the chosen one for port 0 or a taken port). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The page's address, such as {@code http://127.0.0.1:4040}. */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public void stop() {
        queries.removeListener(listener);
        server.stop(0);
        thread.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                sendJson(exchange, 405, StatusJson.error("the status page is read-only: " + exchange.getRequestMethod()
                        + " not allowed"));
            } else if (path.startsWith("/api/")) {
                try {
                    api(exchange, path);
                } catch (RuntimeException e) { // a page that cannot be drawn says why rather than dropping the connection
                    LOG.warn("status page: {}", path, e);
                    sendJson(exchange, 500, StatusJson.error(e.toString()));
                }
            } else if (ASSETS.containsKey(path)) {
                send(exchange, ASSETS.get(path));
            } else if (path.matches("/query/[^/]+")) {
                send(exchange, QUERY_PAGE); // its script asks the API for the query, and says so if there is none
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void api(HttpExchange exchange, String path) throws IOException {
        String[] parts = path.substring(1).split("/", -1); // api, queries[, <id>[, progress]]
        if (parts.length == 2 && parts[1].equals("queries")) {
            sendJson(exchange, 200, StatusJson.queries(listener.running(), listener.ended()));
            return;
        }
        boolean detail = parts.length == 3 && parts[1].equals("queries");
        boolean progress = parts.length == 4 && parts[1].equals("queries") && parts[3].equals("progress");
        if (!detail && !progress) {
            sendJson(exchange, 404, StatusJson.error("no such endpoint: " + path));
            return;
        }
        QueryHistory h = listener.find(parts[2]);
        if (h == null) {
            sendJson(exchange, 404, StatusJson.error("no query with id or run id " + parts[2]));
        } else {
            sendJson(exchange, 200, detail ? StatusJson.query(h) : StatusJson.progress(h));
        }
    }

    /** A file of the page, under {@code io/tideway/ui/} on the class path, and its content type. */
    private record Asset(String file, String type) {
    }

    private static void send(HttpExchange exchange, Asset asset) throws IOException {
        try (InputStream in = StatusServer.class.getResourceAsStream("/io/tideway/ui/" + asset.file())) {
            send(exchange, 200, asset.type(), in.readAllBytes());
        }
    }

    private static void sendJson(HttpExchange exchange, int status, byte[] body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
