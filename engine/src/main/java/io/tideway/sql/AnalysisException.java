package io.tideway.sql;

import io.tideway.QueryContext;
import io.tideway.SparkThrowable;
import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * A query that cannot run as written: unresolved columns, type mismatches, operations that
 * streaming does not support. Thrown when the query is built or at {@code start()}, mirroring
 * {@code org.apache.spark.sql.AnalysisException}: built from an error condition and its message
 * parameters, its message is Spark's ({@code [CONDITION] text SQLSTATE: xxxxx}).
 *
 * <p>Spark's extends {@link Exception}, a checked exception that its Scala code throws without
 * declaring; Tideway throws every one through {@link io.tideway.engine.error.Unchecked#raise}, so
 * a Java program catches it exactly as it must on Spark ({@code catch (Exception e)} and a test of
 * its type). Immutable.
 */
public class AnalysisException extends Exception implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;

    /** Spark's {@code AnalysisException(errorClass, messageParameters)}: the message comes from the condition. */
    public AnalysisException(String condition, Map<String, String> messageParameters) {
        this(condition, messageParameters, null);
    }

    public AnalysisException(String condition, Map<String, String> messageParameters, Throwable cause) {
        this(ErrorConditions.message(condition, messageParameters), cause, condition, messageParameters);
    }

    /**
     * Tideway's own message, for limits of Tideway that Spark has no condition for:
     * {@link #getCondition()} is null.
     */
    public AnalysisException(String message) {
        this(message, null, null, Map.of());
    }

    /** For subclasses that lay out the message themselves, as Spark's protected primary constructor. */
    protected AnalysisException(String message, Throwable cause, String condition, Map<String, String> messageParameters) {
        super(message, cause);
        this.condition = condition;
        this.messageParameters = ErrorConditions.copyOf(messageParameters);
    }

    @Override
    public String getCondition() {
        return condition;
    }

    @Override
    public Map<String, String> getMessageParameters() {
        return messageParameters;
    }

    @Override
    public QueryContext[] getQueryContext() {
        return new QueryContext[0];
    }
}
