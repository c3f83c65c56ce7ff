package io.tideway;

import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * A value that cannot be read as a number (such as an invalid cast), mirroring Spark's
 * {@code org.apache.spark.SparkNumberFormatException}: a {@link NumberFormatException} that carries an
 * error condition, its parameters and its SQLSTATE. Immutable.
 */
public class SparkNumberFormatException extends NumberFormatException implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;
    private final QueryContext[] context;

    public SparkNumberFormatException(String condition, Map<String, String> messageParameters, QueryContext[] context) {
        this(condition, messageParameters, context, "");
    }

    /** {@code summary} is printed on a line after the message, as Spark prints a query context. */
    public SparkNumberFormatException(String condition, Map<String, String> messageParameters, QueryContext[] context,
            String summary) {
        super(ErrorConditions.message(condition, messageParameters, summary));
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
