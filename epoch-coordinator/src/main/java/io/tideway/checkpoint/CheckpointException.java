package io.tideway.checkpoint;

/**
 * Any failure to read or write the checkpoint directory. The message always names the file
 * (absolute path) involved, because the only useful reaction to a broken checkpoint is for a
 * human to go and look at that file. Not final: {@link MissingStateFileException} is the one
 * failure callers tell apart.
 *
 * <p>Threading: immutable; safe to pass between threads.
 */
public class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
