package io.tideway;

import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * An invalid argument to an API call or an option, mirroring Spark's
 * {@code org.apache.spark.SparkIllegalArgumentException}: a {@link IllegalArgumentException} that carries an
 * error condition, its parameters and its SQLSTATE. Immutable.
 */
public class SparkIllegalArgumentException extends IllegalArgumentException implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;
    private final QueryContext[] context;

    public SparkIllegalArgumentException(String condition) {
        this(condition, Map.of());
    }

    public SparkIllegalArgumentException(String condition, Map<String, String> messageParameters) {
        this(condition, messageParameters, null);
    }

    public SparkIllegalArgumentException(String condition, Map<String, String> messageParameters, Throwable cause) {
        this(condition, messageParameters, new QueryContext[0], "", cause);
    }

    /** {@code summary} is printed on a line after the message, as Spark prints a query context. */
    public SparkIllegalArgumentException(String condition, Map<String, String> messageParameters, QueryContext[] context,
                                         String summary, Throwable cause) {
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
