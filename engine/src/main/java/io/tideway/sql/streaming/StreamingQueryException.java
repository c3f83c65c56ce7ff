package io.tideway.sql.streaming;

/**
 * Why a streaming query stopped with an error, mirroring Spark's
 * {@code StreamingQueryException}: the cause plus the query's identity and offsets.
 */
public class StreamingQueryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String queryDebugString;
    private final String message;
    private final String startOffset;
    private final String endOffset;

    public StreamingQueryException(String queryDebugString, String message, Throwable cause,
                                   String startOffset, String endOffset) {
        super(message, cause);
        this.queryDebugString = queryDebugString;
        this.message = message;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
    }

    public String message() {
        return message;
    }

    public Throwable cause() {
        return getCause();
    }

    public String startOffset() {
        return startOffset;
    }

    public String endOffset() {
        return endOffset;
    }

    @Override
    public String toString() {
        return message + "\n" + queryDebugString;
    }
}
