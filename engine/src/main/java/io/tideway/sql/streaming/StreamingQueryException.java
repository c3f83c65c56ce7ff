package io.tideway.sql.streaming;

import io.tideway.SparkThrowable;
import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * Why a streaming query stopped with an error, mirroring Spark's
 * {@code org.apache.spark.sql.streaming.StreamingQueryException}: the cause, the query's identity
 * and offsets, and the condition ({@code STREAM_FAILED} for a failed run). {@link #getMessage()}
 * is the condition's message followed by the query's debug description, {@link #toString()} the
 * class name, the cause's message and that description, both as Spark prints them. Immutable.
 */
public class StreamingQueryException extends Exception implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String queryDebugString;
    private final String message;
    private final String startOffset;
    private final String endOffset;
    private final String condition;
    private final Map<String, String> messageParameters;
    private final long time = System.currentTimeMillis();

    /** The message is built from {@code condition} and {@code messageParameters}. */
    public StreamingQueryException(String queryDebugString, Throwable cause, String startOffset, String endOffset,
                                   String condition, Map<String, String> messageParameters) {
        this(queryDebugString, ErrorConditions.message(condition, messageParameters), cause, startOffset, endOffset,
                condition, messageParameters);
    }

    /**
     * The failure of the query described by {@code queryDebugString} with the given message, cause,
     * offsets of the failing batch or epoch, and Spark's error condition.
     */
    public StreamingQueryException(String queryDebugString, String message, Throwable cause, String startOffset,
                                   String endOffset, String condition, Map<String, String> messageParameters) {
        super(message, cause);
        this.queryDebugString = queryDebugString;
        this.message = message;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.condition = condition;
        this.messageParameters = ErrorConditions.copyOf(messageParameters);
    }

    /** The condition's message, without the query's debug description. */
    public String message() {
        return message;
    }

    /** The error that stopped the query, as {@link #getCause()}. */
    public Throwable cause() {
        return getCause();
    }

    /**
     * The JSON offsets the failing batch or epoch started from, per source, as Spark reports them.
     */
    public String startOffset() {
        return startOffset;
    }

    /** The JSON offsets the failing batch or epoch was to end at, per source. */
    public String endOffset() {
        return endOffset;
    }

    /** When the failure was recorded, in epoch milliseconds. */
    public long time() {
        return time;
    }

    @Override
    public String getMessage() {
        return queryDebugString.isEmpty() ? message : message + "\n" + queryDebugString;
    }

    @Override
    public String toString() {
        Throwable cause = getCause();
        return StreamingQueryException.class.getName() + ": " + (cause == null ? null : cause.getMessage()) + "\n"
                + queryDebugString;
    }

    @Override
    public String getCondition() {
        return condition;
    }

    @Override
    public Map<String, String> getMessageParameters() {
        return messageParameters;
    }
}
