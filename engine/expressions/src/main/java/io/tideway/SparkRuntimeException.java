package io.tideway;

import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * A failure while a query runs, mirroring Spark's
 * {@code org.apache.spark.SparkRuntimeException}: a {@link RuntimeException} that carries an
 * error condition, its parameters and its SQLSTATE. Immutable.
 */
public class SparkRuntimeException extends RuntimeException implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;
    private final QueryContext[] context;

    public SparkRuntimeException(String condition, Map<String, String> messageParameters) {
        this(condition, messageParameters, null);
    }

    public SparkRuntimeException(String condition, Map<String, String> messageParameters, Throwable cause) {
        this(condition, messageParameters, cause, new QueryContext[0], "");
    }

    /** {@code summary} is printed on a line after the message, as Spark prints a query context. */
    public SparkRuntimeException(String condition, Map<String, String> messageParameters, Throwable cause,
                                 QueryContext[] context, String summary) {
        super(ErrorConditions.message(condition, messageParameters, summary), cause);
        this.condition = condition;
        this.messageParameters = ErrorConditions.copyOf(messageParameters);
        this.context = context.clone();
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
        return context.clone();
    }
}
