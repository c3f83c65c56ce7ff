package io.tideway.engine.source.socket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection of a socket source and the daemon thread ({@code socket-source-<host>:<port>})
 * that reads it: UTF-8 lines ({@code \n}, {@code \r} or {@code \r\n} terminated) go into a
 * {@link SocketLineBuffer} stamped with their receive time, until the peer closes the stream or
 * {@link #stop()} closes the socket.
 *
 * <p>Threading: created and stopped by the query thread; {@link #run()} is the receiver thread's
 * body and the buffer's only writer.
 */
final class SocketReceiver implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketReceiver.class);
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final long STOP_JOIN_TIMEOUT_MS = 5_000;

    private final String address;
    private final Socket socket;
    private final SocketLineBuffer buffer;
    private final Thread thread;
    /** Written by the query thread in {@link #stop()}, read by the receiver thread. */
    private volatile boolean stopping;

    private SocketReceiver(String host, int port, Socket socket, SocketLineBuffer buffer) {
        this.address = host + ":" + port;
        this.socket = socket;
        this.buffer = buffer;
        this.thread = new Thread(this, "socket-source-" + address);
        thread.setDaemon(true);
    }

    /** Connects to {@code host:port} and starts reading; a failure names the address. */
    static SocketReceiver start(String host, int port, SocketLineBuffer buffer) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        } catch (IOException | IllegalArgumentException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("Failed to connect the socket source to " + host + ":" + port + ": " + e,
                    e instanceof IOException io ? io : new IOException(e));
        }
        SocketReceiver receiver = new SocketReceiver(host, port, socket, buffer);
        receiver.thread.start();
        return receiver;
    }

    @Override
    public void run() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                buffer.append(line, System.currentTimeMillis() * 1000L);
            }
            if (!stopping) {
                LOG.warn("Stream closed by {}", address);
            }
        } catch (IOException e) {
            if (!stopping) {
                LOG.warn("Socket source stopped reading from {}", address, e);
            }
        }
    }

    Thread thread() {
        return thread;
    }

    /** Closes the socket, which ends the blocked read, and waits for the thread. Idempotent. */
    void stop() {
        stopping = true;
        closeQuietly(socket);
        try {
            thread.join(STOP_JOIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Thread {} did not end within {} ms of stop()", thread.getName(), STOP_JOIN_TIMEOUT_MS);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
