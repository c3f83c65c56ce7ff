package io.tideway;

import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * A failure of the engine or of a job, mirroring Spark's {@code org.apache.spark.SparkException}:
 * a checked {@link Exception} carrying an error condition, as Spark's. Tideway throws it, like
 * Spark's Scala code does, from methods that do not declare it. Immutable.
 */
public class SparkException extends Exception implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;
    private final QueryContext[] context;

    /** A message without a condition: {@link #getCondition()} is null. */
    public SparkException(String message, Throwable cause) {
        this(message, cause, null, Map.of(), new QueryContext[0]);
    }

    public SparkException(String message) {
        this(message, (Throwable) null);
    }

    public SparkException(String condition, Map<String, String> messageParameters, Throwable cause) {
        this(condition, messageParameters, cause, new QueryContext[0], "");
    }

    public SparkException(String condition, Map<String, String> messageParameters, Throwable cause, QueryContext[] context) {
        this(condition, messageParameters, cause, context, "");
    }

    /** {@code summary} is printed on a line after the message, as Spark prints a query context. */
    public SparkException(String condition, Map<String, String> messageParameters, Throwable cause, QueryContext[] context,
                          String summary) {
        this(ErrorConditions.message(condition, messageParameters, summary), cause, condition, messageParameters, context);
    }

    private SparkException(String message, Throwable cause, String condition, Map<String, String> messageParameters,
                           QueryContext[] context) {
        super(message, cause);
        this.condition = condition;
        this.messageParameters = ErrorConditions.copyOf(messageParameters);
        this.context = context.clone();
    }

    /** A bug in the engine: condition {@code INTERNAL_ERROR} with {@code message} as its parameter. */
    public static SparkException internalError(String message) {
        return internalError(message, null);
    }

    public static SparkException internalError(String message, Throwable cause) {
        return new SparkException("INTERNAL_ERROR", Map.of("message", message), cause);
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
