package io.tideway.sql;

/**
 * A query that cannot run as written: unresolved columns, type mismatches, operations that
 * streaming does not support. Thrown when the query is built or at {@code start()}, with the
 * wording Spark uses, mirroring {@code org.apache.spark.sql.AnalysisException}.
 */
public class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
