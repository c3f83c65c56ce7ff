package io.tideway.engine.source.socket;

import io.tideway.engine.source.ContinuousRows;
import io.tideway.engine.source.RowCountPartitionOffset;
import io.tideway.engine.source.SourceRows;
import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.engine.spi.ContinuousStream;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.PartitionOffset;
import io.tideway.engine.spi.SourceContext;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketContinuousTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ServerSocket server;
    private final List<Socket> accepted = new ArrayList<>();
    private final List<SocketContinuousStream> streams = new ArrayList<>();
    private final List<ContinuousPartitionReader> readers = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        server.setSoTimeout((int) TIMEOUT.toMillis());
    }

    @AfterEach
    void stopAll() throws IOException {
        readers.forEach(ContinuousPartitionReader::close);
        for (SocketContinuousStream s : streams) {
            s.stop();
            assertFalse(s.receiverThread().isAlive(), "receiver thread left running");
        }
        for (Socket s : accepted) {
            s.close();
        }
        server.close();
    }

    private SocketContinuousStream open(String... extra) {
        Map<String, String> m = new HashMap<>(Map.of("host", "127.0.0.1", "port", Integer.toString(server.getLocalPort())));
        for (int i = 0; i < extra.length; i += 2) {
            m.put(extra[i], extra[i + 1]);
        }
        Options options = new Options(m);
        SocketSourceProvider provider = new SocketSourceProvider();
        assertTrue(provider.supportsContinuous());
        ContinuousStream stream = provider.createContinuous(
                new SourceContext(options, provider.schema(null, options), null, Map.of()));
        streams.add((SocketContinuousStream) stream);
        return (SocketContinuousStream) stream;
    }

    private ContinuousPartitionReader reader(ContinuousStream stream, PartitionOffset start) {
        ContinuousPartitionReader r = stream.createReader(0, start);
        readers.add(r);
        return r;
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

    private static List<String> values(List<Row> rows) {
        return rows.stream().map(r -> r.getString(0)).toList();
    }

    @Test
    void readsLinesFromALoopbackServerWithoutBlocking() throws IOException {
        SocketContinuousStream stream = open();
        OutputStream out = client();
        assertEquals(1, stream.numPartitions());
        assertEquals("TextSocketV2[host: 127.0.0.1, port: " + server.getLocalPort() + "]", stream.description());
        ContinuousPartitionReader reader = reader(stream, stream.initialOffsets().get(0));
        assertEquals(0, reader.poll((b, o, l) -> { }, 10), "no line yet: returns at once");

        send(out, "hello world\nsecond\r\nünïcødé ✓\n");
        StructType schema = SocketSourceProvider.SCHEMA;
        assertEquals(List.of("hello world", "second", "ünïcødé ✓"), values(ContinuousRows.pollUntil(reader, schema, 3, TIMEOUT)));
        assertEquals(0, reader.poll((b, o, l) -> { }, 10));
        assertEquals("{\"0\":3}", stream.serializeOffsets(List.of(reader.currentOffset())));

        send(out, "third\nfourth\n");
        assertEquals(List.of("third", "fourth"), values(ContinuousRows.pollUntil(reader, schema, 2, TIMEOUT)));
        assertEquals(new RowCountPartitionOffset(5), reader.currentOffset());
        stream.commit(List.of(reader.currentOffset()));
        send(out, "fifth\n");
        assertEquals(List.of("fifth"), values(ContinuousRows.pollUntil(reader, schema, 1, TIMEOUT)));
    }

    @Test
    void includeTimestampStampsTheReceiveTime() throws IOException {
        long before = System.currentTimeMillis();
        SocketContinuousStream stream = open("includeTimestamp", "true");
        OutputStream out = client();
        ContinuousPartitionReader reader = reader(stream, stream.initialOffsets().get(0));
        send(out, "a\n");
        List<Row> rows = ContinuousRows.pollUntil(reader, SocketSourceProvider.SCHEMA_WITH_TIMESTAMP, 1, TIMEOUT);
        long t = rows.get(0).getTimestamp(1).getTime();
        assertTrue(t >= before && t <= System.currentTimeMillis(), "timestamp " + t);
    }

    @Test
    void restartNumbersTheNewConnectionsLinesAfterTheStartOffset() throws IOException {
        SocketContinuousStream stream = open();
        OutputStream out = client();
        List<PartitionOffset> start = stream.deserializeOffsets("{\"0\":3}");
        assertEquals(List.of(new RowCountPartitionOffset(3)), start);
        ContinuousPartitionReader reader = reader(stream, start.get(0));
        send(out, "x\ny\n");
        assertEquals(List.of("x", "y"), values(ContinuousRows.pollUntil(reader, SocketSourceProvider.SCHEMA, 2, TIMEOUT)));
        assertEquals("{\"0\":5}", stream.serializeOffsets(List.of(reader.currentOffset())));
        stream.commit(List.of(reader.currentOffset()));
        assertThrows(IllegalStateException.class, () -> stream.createReader(0, start.get(0)), "one reader per connection");
    }

    @Test
    void offsetsAcceptMicroBatchAndSparkForms() throws IOException {
        SocketContinuousStream stream = open();
        client();
        assertEquals(List.of(new RowCountPartitionOffset(7)), stream.deserializeOffsets("7"));
        assertEquals(List.of(new RowCountPartitionOffset(7)), stream.deserializeOffsets("[7]"));
        assertEquals(stream.initialOffsets(), stream.deserializeOffsets(stream.serializeOffsets(stream.initialOffsets())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stream.deserializeOffsets("{\"0\":1,\"1\":2}"));
        assertEquals("The previous run contained 2 partitions, but 1 partitions are currently configured."
                + " The numPartitions option cannot be changed.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> stream.deserializeOffsets("{\"0\":\"a\"}"));
    }

    @Test
    void aLaggingReaderGetsEveryLineInOrder() throws IOException {
        SocketContinuousStream stream = open();
        OutputStream out = client();
        ContinuousPartitionReader reader = reader(stream, stream.initialOffsets().get(0));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(i).append('\n');
        }
        send(out, sb.toString());
        List<String> got = values(ContinuousRows.pollUntil(reader, SocketSourceProvider.SCHEMA, 2000, TIMEOUT));
        for (int i = 0; i < 2000; i++) {
            assertEquals(Integer.toString(i), got.get(i));
        }
        SourceRows.await(() -> reader.poll((b, o, l) -> { }, 10) == 0, TIMEOUT, "no more lines");
    }
}
