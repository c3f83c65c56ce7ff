package io.tideway;

import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * An operation the engine or a source does not support, mirroring Spark's
 * {@code org.apache.spark.SparkUnsupportedOperationException}: a {@link UnsupportedOperationException} that carries an
 * error condition, its parameters and its SQLSTATE. Immutable.
 */
public class SparkUnsupportedOperationException extends UnsupportedOperationException implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> messageParameters;
    private final QueryContext[] context;

    public SparkUnsupportedOperationException(String condition) {
        this(condition, Map.of());
    }

    public SparkUnsupportedOperationException(String condition, Map<String, String> messageParameters) {
        super(ErrorConditions.message(condition, messageParameters));
        this.condition = condition;
        this.messageParameters = ErrorConditions.copyOf(messageParameters);
        this.context = new QueryContext[0];
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
