package io.tideway.checkpoint;

import java.nio.file.Path;

/**
 * A log write found its batch file already there: another query (or an earlier run of this one
 * that the checkpoint no longer reflects) wrote that batch. Spark fails the query at this write
 * with {@code SparkException} {@code [CONCURRENT_STREAM_LOG_UPDATE]}; the message here is
 * Spark's, followed by the file. The engine, which owns Spark's exception types, may rethrow it
 * as that {@code SparkException} from {@link #errorClass()} and {@link #batchId()}.
 *
 * <p>Threading: immutable.
 */
public final class ConcurrentLogUpdateException extends CheckpointException {
    private static final long serialVersionUID = 1L;
    public static final String ERROR_CLASS = "CONCURRENT_STREAM_LOG_UPDATE";
    public static final String SQL_STATE = "40000";

    private final long batchId;
    private final transient Path file;

    public ConcurrentLogUpdateException(long batchId, Path file) {
        super(sparkMessage(batchId) + " The batch file " + file + " already exists.");
        this.batchId = batchId;
        this.file = file;
    }

    /** Spark's text for batch {@code batchId}, as {@code SparkException.getMessage} prints it. */
    public static String sparkMessage(long batchId) {
        // Spark joins its message's lines with a newline
        return "[" + ERROR_CLASS + "] Concurrent update to the log. Multiple streaming jobs detected for " + batchId
                + ".\nPlease make sure only one streaming job runs on a specific checkpoint location at a time."
                + " SQLSTATE: " + SQL_STATE;
    }

    public String errorClass() {
        return ERROR_CLASS;
    }

    public long batchId() {
        return batchId;
    }

    /** The batch file that was already there. */
    public Path file() {
        return file;
    }
}
