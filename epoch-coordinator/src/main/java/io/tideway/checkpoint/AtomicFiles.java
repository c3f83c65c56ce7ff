package io.tideway.checkpoint;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write-to-temp-then-rename, the one way a checkpoint file becomes visible (Spark's
 * {@code CheckpointFileManager.createAtomic}). Temp files start with '.' so directory listings
 * that only accept numeric names never see them.
 *
 * <p>Threading: stateless; safe from any thread. Two threads publishing the same target race
 * on the file system, and exactly one wins when {@code overwrite} is false.
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Body of a text file, written through a UTF-8 writer. */
    @FunctionalInterface
    interface TextBody {
        void writeTo(Writer out) throws IOException;
    }

    /** Makes temp names unique within this process; the pid makes them unique across processes. */
    private static final AtomicLong TEMP_FILES = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    /**
     * A temp file in the same directory as {@code target}, so the rename cannot cross devices.
     * Named by pid and a counter rather than a random UUID: a continuous query writes two log
     * files per epoch on its coordinator thread, where SecureRandom's cost was measurable.
     */
    static Path tempFileFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + PID + "-" + TEMP_FILES.incrementAndGet() + ".tmp");
    }

    /**
     * Writes {@code body} to a temp file, forces it to disk and renames it to {@code target}.
     *
     * @return false when {@code overwrite} is false and {@code target} already exists
     *         (the temp file is removed and the existing file is untouched)
     */
    static boolean publishText(Path target, boolean overwrite, TextBody body) {
        if (!overwrite && Files.exists(target)) {
            return false;
        }
        Path temp = tempFileFor(target);
        try {
            // the text is built first and written with one call: log entries are small
            StringWriter text = new StringWriter(256);
            body.writeTo(text);
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // A log entry that survives a crash only as an empty file would make getLatest
                // fail for ever, so the bytes must be durable before the name is.
                channel.force(true);
            }
            return publish(temp, target, overwrite);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new CheckpointException("Failed to write " + target.toAbsolutePath() + ": " + e, e);
        }
    }

    /**
     * Moves a finished temp file to {@code target}. Without overwrite a hard link is used: it is
     * atomic and, unlike rename(2), fails when the target exists, so a concurrent writer can
     * never be silently replaced. File systems without links fall back to an existence check
     * plus ATOMIC_MOVE.
     */
    static boolean publish(Path temp, Path target, boolean overwrite) throws IOException {
        if (overwrite) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
        try {
            Files.createLink(target, temp);
            Files.delete(temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(target)) {
                Files.deleteIfExists(temp);
                return false;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Best effort: a stray dot-file is invisible to every reader.
        }
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CheckpointException("Failed to read log file " + file.toAbsolutePath() + ". " + e, e);
        }
    }
}
