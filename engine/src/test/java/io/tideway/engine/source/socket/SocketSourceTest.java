package io.tideway.engine.source.socket;

import io.tideway.engine.source.SourceRows;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.LongOffset;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketSourceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ServerSocket server;
    private final List<Socket> accepted = new ArrayList<>();
    private final List<SocketStreamSource> sources = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        server.setSoTimeout((int) TIMEOUT.toMillis());
    }

    @AfterEach
    void stopAll() throws IOException {
        for (SocketStreamSource s : sources) {
            s.stop();
            assertFalse(s.receiverThread().isAlive(), "receiver thread left running");
        }
        for (Socket s : accepted) {
            s.close();
        }
        server.close();
    }

    private static Options opts(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new Options(m);
    }

    private SocketStreamSource open(String... extra) {
        List<String> kv = new ArrayList<>(List.of("host", "127.0.0.1", "port", Integer.toString(server.getLocalPort())));
        kv.addAll(List.of(extra));
        Options options = opts(kv.toArray(String[]::new));
        StructType schema = new SocketSourceProvider().schema(null, options);
        SocketStreamSource source = (SocketStreamSource) new SocketSourceProvider()
                .create(new SourceContext(options, schema, null, Map.of()));
        sources.add(source);
        return source;
    }

    private OutputStream client() throws IOException {
        Socket s = server.accept();
        accepted.add(s);
        return s.getOutputStream();
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void awaitLatest(StreamSource source, Offset start, long expected) {
        SourceRows.await(() -> {
            Offset o = source.latestOffset(start, ReadLimit.SOURCE_DEFAULT);
            return o != null && ((LongOffset) o).value() == expected;
        }, TIMEOUT, "latestOffset " + expected);
    }

    private static List<String> values(List<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getString(0)));
        return out;
    }

    private static List<Row> rows(StreamSource source, Offset start, Offset end, StructType schema) {
        List<InputPartition> parts = source.planPartitions(start, end);
        assertEquals(1, parts.size(), "one partition per batch");
        return SourceRows.collect(source, parts, schema).get(0);
    }

    @Test
    void receivesLinesAndEmitsEachBatchOnce() throws IOException {
        SocketStreamSource source = open();
        OutputStream out = client();
        assertNull(source.latestOffset(null, ReadLimit.SOURCE_DEFAULT), "no line yet");
        send(out, "hello world\nsecond\r\nünïcødé ✓\n");
        awaitLatest(source, null, 3);
        assertEquals(List.of("hello world", "second", "ünïcødé ✓"),
                values(rows(source, null, new LongOffset(3), SocketSourceProvider.SCHEMA)));
        source.commit(new LongOffset(3));

        send(out, "third\nfourth\n");
        awaitLatest(source, new LongOffset(3), 5);
        assertEquals(List.of("third", "fourth"),
                values(rows(source, new LongOffset(3), new LongOffset(5), SocketSourceProvider.SCHEMA)));
        assertEquals(new LongOffset(5), source.latestOffset(new LongOffset(5), ReadLimit.SOURCE_DEFAULT),
                "no new line: latest equals start");
    }

    @Test
    void committedLinesAreDropped() throws IOException {
        SocketStreamSource source = open();
        send(client(), "a\nb\nc\n");
        awaitLatest(source, null, 3);
        source.commit(new LongOffset(2));
        assertEquals(List.of("c"), values(rows(source, new LongOffset(2), new LongOffset(3), SocketSourceProvider.SCHEMA)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> source.planPartitions(null, new LongOffset(3)));
        assertTrue(e.getMessage().contains("does not support replay"), e.getMessage());
    }

    @Test
    void includeTimestampAddsTheReceiveTime() throws IOException {
        SocketStreamSource source = open("includeTimestamp", "true");
        StructType schema = SocketSourceProvider.SCHEMA_WITH_TIMESTAMP;
        assertEquals("struct<value:string,timestamp:timestamp>", schema.simpleString());
        long before = System.currentTimeMillis();
        send(client(), "x\ny\n");
        awaitLatest(source, null, 2);
        long after = System.currentTimeMillis();
        List<Row> rows = rows(source, null, new LongOffset(2), schema);
        assertEquals(List.of("x", "y"), values(rows));
        for (Row r : rows) {
            long ts = r.getTimestamp(1).getTime();
            assertTrue(ts >= before && ts <= after, "timestamp " + ts + " outside [" + before + ", " + after + "]");
        }
    }

    @Test
    void stopClosesTheConnectionAndEndsTheThread() throws IOException {
        SocketStreamSource source = open();
        Socket peer = server.accept();
        accepted.add(peer);
        peer.setSoTimeout((int) TIMEOUT.toMillis());
        Thread thread = source.receiverThread();
        assertEquals("socket-source-127.0.0.1:" + server.getLocalPort(), thread.getName());
        assertTrue(thread.isDaemon());
        source.stop();
        assertFalse(thread.isAlive());
        assertEquals(-1, peer.getInputStream().read(), "the peer sees the connection closed");
        source.stop(); // idempotent
    }

    @Test
    void peerClosingEndsTheThreadAndKeepsReceivedLines() throws IOException {
        SocketStreamSource source = open();
        OutputStream out = client();
        send(out, "last\n");
        out.close();
        SourceRows.await(() -> !source.receiverThread().isAlive(), TIMEOUT, "receiver thread to end");
        assertEquals(new LongOffset(1), source.latestOffset(null, ReadLimit.SOURCE_DEFAULT));
        assertEquals(List.of("last"), values(rows(source, null, new LongOffset(1), SocketSourceProvider.SCHEMA)));
    }

    @Test
    void restartedQueryNumbersNewLinesAfterTheCommittedOffset() throws IOException {
        SocketStreamSource source = open();
        assertEquals(new LongOffset(37), source.latestOffset(new LongOffset(37), ReadLimit.SOURCE_DEFAULT));
        send(client(), "new1\nnew2\n");
        awaitLatest(source, new LongOffset(37), 39);
        assertEquals(List.of("new1", "new2"),
                values(rows(source, new LongOffset(37), new LongOffset(39), SocketSourceProvider.SCHEMA)));
    }

    @Test
    void continuousOffsetsAreTheSameLineCount() throws IOException {
        SocketStreamSource source = open();
        assertEquals(new LongOffset(37), source.deserializeOffset("{\"0\":37}"));
        assertEquals(new LongOffset(37), source.deserializeOffset("[37]"));
        assertEquals(new LongOffset(37), source.deserializeOffset("37"));
        assertThrows(IllegalArgumentException.class, () -> source.deserializeOffset("{\"0\":1,\"1\":2}"));
        assertThrows(IllegalArgumentException.class, () -> source.deserializeOffset("{\"0\":-1}"));
        assertThrows(IllegalArgumentException.class, () -> source.deserializeOffset("soon"));
        Offset start = source.deserializeOffset("{\"0\":37}");
        assertEquals(start, source.latestOffset(start, ReadLimit.SOURCE_DEFAULT));
        send(client(), "next\n");
        awaitLatest(source, start, 38);
        assertEquals(List.of("next"), values(rows(source, start, new LongOffset(38), SocketSourceProvider.SCHEMA)));
    }

    @Test
    void rerunOfAnOldConnectionsBatchIsEmptyAndLaterLinesFollowIt() throws IOException {
        SocketStreamSource source = open();
        assertTrue(source.planPartitions(new LongOffset(5), new LongOffset(8)).isEmpty());
        send(client(), "after\n");
        awaitLatest(source, new LongOffset(8), 9);
        assertEquals(List.of("after"), values(rows(source, new LongOffset(8), new LongOffset(9), SocketSourceProvider.SCHEMA)));
    }

    @Test
    void availableNowStopsAtTheLinesReceivedWhenPrepared() throws IOException {
        SocketStreamSource source = open();
        OutputStream out = client();
        send(out, "1\n2\n");
        awaitLatest(source, null, 2);
        source.prepareForTriggerAvailableNow();
        send(out, "3\n");
        SourceRows.await(() -> source.linesReceived() == 3, TIMEOUT, "the third line");
        assertEquals(new LongOffset(2), source.latestOffset(null, ReadLimit.ALL_AVAILABLE));
    }

    @Test
    void warnsOncePerSourceThatItCannotRecover() {
        Logger logger = Logger.getLogger(SocketSourceProvider.class.getName());
        List<String> messages = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            open();
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(List.of("The socket source should not be used for production applications! It does not support recovery."),
                messages);
    }

    @Test
    void descriptionMatchesSpark() {
        assertEquals("TextSocketV2[host: 127.0.0.1, port: " + server.getLocalPort() + "]", open().description());
    }

    @Test
    void connectionFailureNamesHostAndPort() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = closed.getLocalPort();
        }
        Options options = opts("host", "127.0.0.1", "port", Integer.toString(port));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new SocketSourceProvider()
                .create(new SourceContext(options, SocketSourceProvider.SCHEMA, null, Map.of())));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void badOptionValuesGiveSparksMessages() {
        assertMessage("Set a host to read from with option(\"host\", ...).", "port", "9999");
        assertMessage("Set a port to read from with option(\"port\", ...).", "host", "localhost");
        assertMessage("Invalid value 'abc' for option 'port', must be a number", "host", "localhost", "port", "abc");
        assertMessage("Invalid value '70000' for option 'port', must be between 0 and 65535", "host", "localhost",
                "port", "70000");
        assertMessage("IncludeTimestamp must be set to either \"true\" or \"false\".", "host", "localhost", "port", "9999",
                "includeTimestamp", "yes");
        assertEquals(SocketSourceProvider.SCHEMA, new SocketSourceProvider().schema(null,
                opts("host", "localhost", "port", "9999", "includeTimestamp", "FALSE")));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new SocketSourceProvider().schema(SocketSourceProvider.SCHEMA, opts("host", "h", "port", "1")));
        assertEquals("TextSocketSourceProvider source does not support user-specified schema.", e.getMessage());
    }

    private static void assertMessage(String expected, String... kv) {
        AnalysisException e = assertThrows(AnalysisException.class, () -> new SocketSourceProvider().schema(null, opts(kv)));
        assertEquals(expected, e.getMessage());
    }
}
