package io.tideway.checkpoint;

import java.io.FileNotFoundException;
import java.nio.file.Path;

/**
 * A state file that rebuilding a version needs is not there (a delta deleted by hand, or a
 * checkpoint written by a query without this operator). Keeps the file so that the state store
 * can report it in Spark's terms; the cause is the {@link FileNotFoundException} Spark's local
 * file system throws, worded as Hadoop words it ({@code File file:<path> does not exist}).
 *
 * <p>Threading: immutable; safe to pass between threads.
 */
public final class MissingStateFileException extends CheckpointException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final boolean snapshot;

    MissingStateFileException(Path file, boolean snapshot) {
        super("Error reading " + (snapshot ? "snapshot" : "delta") + " file " + file.toAbsolutePath() + ": "
                + file.toAbsolutePath() + " does not exist",
                new FileNotFoundException("File " + StateFiles.qualified(file) + " does not exist"));
        this.file = file.toAbsolutePath();
        this.snapshot = snapshot;
    }

    /** The missing file, absolute. */
    public Path file() {
        return file;
    }

    /** Whether the missing file is a snapshot (else a delta). */
    public boolean isSnapshot() {
        return snapshot;
    }
}
