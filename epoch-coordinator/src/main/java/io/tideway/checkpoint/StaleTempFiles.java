package io.tideway.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Removes the temp files that a process killed in the middle of an atomic write left behind
 * ({@code .<target>.<pid>-<n>.tmp}, see {@link AtomicFiles#tempFileFor}). Readers never see them,
 * but a crash-looping query would otherwise collect one per kill for ever.
 *
 * <p>Only files of a process that is no longer running are removed: a temp file of this JVM, or
 * of another live process sharing the directory (a reader, a second query), may be a write in
 * flight. A recycled pid only keeps a stale file a little longer.
 *
 * <p>Threading: stateless; any thread.
 */
public final class StaleTempFiles {
    private static final long PID = ProcessHandle.current().pid();

    private StaleTempFiles() {
    }

    /**
     * Deletes the stale temp files directly in {@code dir} (not below it).
     *
     * @return how many were deleted; 0 if {@code dir} does not exist
     */
    public static int removeIn(Path dir) {
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                OptionalLong pid = writerPid(p.getFileName().toString());
                if (pid.isPresent() && pid.getAsLong() != PID && !ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)
                        && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new CheckpointException("Failed to remove stale temp files in " + dir + ": " + e, e);
        }
        return removed;
    }

    /** The pid in a temp file name {@code .<target>.<pid>-<n>.tmp}, or empty for any other name. */
    static OptionalLong writerPid(String name) {
        if (!name.startsWith(".") || !name.endsWith(".tmp")) {
            return OptionalLong.empty();
        }
        String body = name.substring(1, name.length() - ".tmp".length());
        int dot = body.lastIndexOf('.');
        int dash = body.lastIndexOf('-');
        if (dot <= 0 || dash < dot + 2 || dash == body.length() - 1) {
            return OptionalLong.empty();
        }
        OptionalLong counter = MetadataLog.parseDecimal(body.substring(dash + 1));
        OptionalLong pid = MetadataLog.parseDecimal(body.substring(dot + 1, dash));
        return counter.isPresent() ? pid : OptionalLong.empty();
    }
}
