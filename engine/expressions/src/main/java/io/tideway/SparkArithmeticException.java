package io.tideway;

import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * An arithmetic error in a query (such as division by zero under ANSI rules), mirroring Spark's
 * {@code org.apache.spark.SparkArithmeticException}: a {@link ArithmeticException} that carries an
 * error condition, its parameters and its SQLSTATE. Immutable.
 */
public class SparkArithmeticException extends ArithmeticException implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;
    private final QueryContext[] context;

    public SparkArithmeticException(String condition, Map<String, String> messageParameters, QueryContext[] context) {
        this(condition, messageParameters, context, "");
    }

    /** {@code summary} is printed on a line after the message, as Spark prints a query context. */
    public SparkArithmeticException(String condition, Map<String, String> messageParameters, QueryContext[] context,
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
