package io.tideway.checkpoint;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** {@link #publishText(Path, boolean, CharSequence, boolean)}, forcing the bytes to disk. */
    static boolean publishText(Path target, boolean overwrite, CharSequence text) {
        return publishText(target, overwrite, text, true);
    }

    /**
     * Writes {@code text} (UTF-8) to a temp file, forces it to disk when {@code sync} and
     * publishes it as {@code target}. Without {@code sync} the file survives a process crash (the
     * page cache keeps it) but perhaps not an OS crash or power loss, as Spark's checkpoint files
     * on a local file system; it saves an fsync, about 0.2 ms of CPU a file on a small VM.
     *
     * <p>Each call is few system calls on purpose (open, write, fsync, close, link, unlink): a
     * continuous query's coordinator publishes two files per epoch, and on a 2-core box every
     * microsecond of its CPU is taken from a spinning reader or task. Measured after the thread
     * slept between epochs, each distinct call cost 50–100 µs of CPU cold, so there is no
     * existence check up front (the non-overwriting link detects an existing target) and the
     * file is written through {@link FileOutputStream}, a thinner path than {@code FileChannel}.
     *
     * @return false when {@code overwrite} is false and {@code target} already exists
     *         (the temp file is removed and the existing file is untouched)
     */
    static boolean publishText(Path target, boolean overwrite, CharSequence text, boolean sync) {
        CheckpointWriteEvent event = new CheckpointWriteEvent();
        event.begin();
        Path temp = tempFileFor(target);
        try {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                out.write(bytes);
                // A log entry that survives a crash only as an empty file would make getLatest
                // fail for ever, so the bytes must be durable before the name is.
                if (sync) {
                    out.getFD().sync();
                }
            }
            boolean published = publish(temp, target, overwrite);
            if (event.shouldCommit()) {
                event.path = target.toString();
                event.bytes = bytes.length;
                event.commit();
            }
            return published;
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
        // Published. Removing the temp name is best effort (a stray dot-file is invisible to
        // every reader), so a failure here cannot turn a publish into a reported conflict; and
        // File.delete is one unlink, where Files.delete stats the path first.
        temp.toFile().delete();
        return true;
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
