package io.tideway.checkpoint;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An advisory lock on a checkpoint ({@code <checkpoint>/.lock}), held for the life of a query
 * run so that a second query on the same checkpoint, in this JVM or another, is refused at
 * start with the holder's pid and host instead of racing until its first conflicting write.
 * The file stays after {@link #close()} (deleting it would race with the next holder); only the
 * operating system's lock on it counts, and it is released when the holder dies, even by kill -9.
 *
 * <p>Threading: acquire and close on the query thread; not shared.
 */
public final class CheckpointLock implements AutoCloseable {
    public static final String FILE_NAME = ".lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private CheckpointLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static CheckpointLock acquire(Path root) {
        Path file = root.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this JVM
            }
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                throw new CheckpointException("The checkpoint at " + root + " is in use by another query ("
                        + (holder.isEmpty() ? "holder unknown" : holder) + ", lock file " + file
                        + "). Stop that query first, or use another checkpoint location.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holderText().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new CheckpointLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CheckpointException("Failed to lock checkpoint " + file + ": " + e, e);
        }
    }

    private static String holderText() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host;
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(512);
        channel.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock; the next query on the checkpoint may take it. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new CheckpointException("Failed to release checkpoint lock " + file + ": " + e, e);
        }
    }
}
