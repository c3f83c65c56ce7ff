package io.tideway.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A tiny text server standing in for {@code nc -lk}: serves lines to each client that connects,
 * {@code linesPerSecond} at a time, on a daemon thread. For demos and examples only.
 */
public final class LineServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    public LineServer(List<String> lines, int linesPerSecond) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(lines, linesPerSecond), "line-server-" + port());
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve(List<String> lines, int linesPerSecond) {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                long periodNs = 1_000_000_000L / Math.max(1, linesPerSecond);
                long next = System.nanoTime();
                for (String line : lines) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    next += periodNs;
                    LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                }
                // keep the connection open, as nc does, until the client goes away
                while (client.getInputStream().read() >= 0) {
                    Thread.onSpinWait();
                }
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
